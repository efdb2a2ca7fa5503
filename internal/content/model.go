package content

// The model below is the loader's field tables (schema.go) seen from outside: the JSON
// Schemas, the Decap CMS admin and the archetypes of `viften new` are generated from it, so
// that every tool editors use knows exactly the keys the loader accepts.

// Kind is the type of a field's value.
type Kind string

// The kinds of field values.
const (
	KindText  Kind = "text"  // a non-empty line of text
	KindInt   Kind = "int"   // a whole number
	KindBool  Kind = "bool"  // true or false
	KindDate  Kind = "date"  // YYYY-MM-DD
	KindURL   Kind = "url"   // http, https, mailto or tel
	KindEmail Kind = "email" // name@domain
	KindPhone Kind = "phone" // a Danish phone number
	KindID    Kind = "id"    // an id or slug; Ref names what it refers to, if anything
	KindEnum  Kind = "enum"  // one of Field.Enum
	KindTexts Kind = "texts" // a list of texts
	KindIDs   Kind = "ids"   // a list of ids
	KindHours Kind = "hours" // a list of opening-hours lines
	KindMap   Kind = "map"   // nested fields
	KindMaps  Kind = "maps"  // a list of nested fields
	KindHosts Kind = "hosts" // a list of host names (HostPattern)
)

var kindOf = map[kind]Kind{
	kText: KindText, kInt: KindInt, kBool: KindBool, kDate: KindDate, kURL: KindURL,
	kEmail: KindEmail, kPhone: KindPhone, kID: KindID, kEnum: KindEnum, kTexts: KindTexts,
	kIDs: KindIDs, kHours: KindHours, kMap: KindMap, kMaps: KindMaps, kHosts: KindHosts,
}

// Field is one key of a content file.
type Field struct {
	Key      string
	Kind     Kind
	Required bool
	Enum     []string // the allowed values of a KindEnum field
	Ref      string   // for KindID and KindIDs: the Type.Name the ids refer to; "" for none
	Doc      string   // what the field means, in Danish
	Fields   []Field  // the nested fields of a KindMap or KindMaps field
}

// Type is one kind of content file.
type Type struct {
	Name     string  // singular, Danish, used in file names and commands: "tilbud", "kontakt"
	Label    string  // the plural label for editors: "Tilbud", "Kontakter"
	Path     string  // where the files are: "tilbud/*.md", or one file: "emner.yaml"
	Folder   string  // the folder of one-file-per-entry types; "" for a single file
	Ext      string  // ".md" (front matter + Markdown body) or ".yaml"
	List     bool    // the file is a list of entries (the taxonomies)
	Markdown bool    // the file has a Markdown body after its front matter
	Fields   []Field // the keys of one entry
}

// Model returns every content type the loader reads, in the order of docs/content-model.md.
func Model() []Type {
	types := []Type{
		{Name: "site", Label: "Sitet", Path: "site.yaml", Ext: ".yaml", Fields: fieldsOut(siteFields)},
		{Name: "maalgruppe", Label: "Målgrupper", Path: "maalgrupper.yaml", Ext: ".yaml", List: true, Fields: fieldsOut(audienceFields)},
		{Name: "emne", Label: "Emner", Path: "emner.yaml", Ext: ".yaml", List: true, Fields: fieldsOut(topicFields)},
		{Name: "trin", Label: "Indsatstrappen", Path: "trin.yaml", Ext: ".yaml", List: true, Fields: fieldsOut(stepFields)},
	}
	labels := map[string][2]string{
		"tilbud": {"tilbud", "Tilbud"}, "kontakter": {"kontakt", "Kontakter"}, "udbydere": {"udbyder", "Udbydere"},
		"principper": {"princip", "Principper"}, "bekymring": {"bekymring", "Er du bekymret?"}, "sider": {"side", "Sider"},
	}
	for _, d := range folders {
		l := labels[d.dir]
		types = append(types, Type{Name: l[0], Label: l[1], Path: d.dir + "/*" + d.ext, Folder: d.dir, Ext: d.ext,
			Markdown: d.ext == ".md", Fields: fieldsOut(d.fields)})
	}
	return types
}

func fieldsOut(fields []field) []Field {
	out := make([]Field, len(fields))
	for i, f := range fields {
		out[i] = Field{Key: f.key, Kind: kindOf[f.kind], Required: f.required, Ref: f.ref, Doc: f.doc,
			Enum: append([]string(nil), f.enum...)}
		if f.fields != nil {
			out[i].Fields = fieldsOut(f.fields)
		}
	}
	return out
}
