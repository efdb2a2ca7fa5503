// Package schema generates a JSON Schema (draft 2020-12) for every content type from the
// loader's model (content.Model), so that editors' tools validate and complete the same keys
// the loader accepts: VS Code's YAML extension reads them through yaml.schemas (see
// docs/editors.md), and the build publishes them at /schema/<type>.schema.json.
//
// The schemas describe the shape of a file: its keys, which are required, their types and
// their allowed values. Given the site, references (emner, trin, maalgrupper, udbyder,
// kontakter, principper) become enums of the site's ids, so an editor's IDE offers the ids
// that exist. What a schema cannot say (that udloeber comes after udgives, that an
// opening-hours line parses, that a link inside the site exists) stays with the loader, which
// is the source of positioned Danish errors; a test in this package holds the two in agreement
// on the loader's fixtures.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"tilbudsviften/internal/content"
	"tilbudsviften/internal/site"
)

// Draft is the JSON Schema dialect of the generated schemas.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Path returns where the schema of t is published in the site: "schema/tilbud.schema.json".
func Path(t content.Type) string { return "schema/" + t.Name + ".schema.json" }

// Write emits the schema of every content type, and synonymer.yaml's, into the site. s may
// be nil: then references are plain ids without enums.
func Write(s *site.Site, emit func(path string, data []byte) error) error {
	for _, t := range content.Model() {
		data, err := Generate(t, s)
		if err != nil {
			return err
		}
		if err := emit(Path(t), data); err != nil {
			return err
		}
	}
	data, err := marshal(synonyms(baseURL(s)))
	if err != nil {
		return err
	}
	return emit("schema/synonymer.schema.json", data)
}

// Generate returns the JSON Schema of one content type. For Markdown types it describes the
// front matter. s may be nil.
func Generate(t content.Type, s *site.Site) ([]byte, error) {
	g := gen{ids: ids(s)}
	entry := g.object(t.Fields)
	root := obj{"$schema": Draft}
	if u := baseURL(s); u != "" {
		root["$id"] = u + "/" + Path(t)
	}
	root["title"] = t.Label
	desc := fmt.Sprintf("Felterne i %s, som viften check godtager dem. Se docs/content-model.md.", t.Path)
	if t.Markdown {
		desc = fmt.Sprintf("Forsiden (front matter) i %s: felterne mellem de to linjer med ---. Se docs/content-model.md.", t.Path)
	}
	root["description"] = desc
	if t.List {
		root["type"] = "array"
		root["items"] = entry
	} else {
		for k, v := range entry {
			root[k] = v
		}
	}
	return marshal(root)
}

type obj = map[string]any

type gen struct {
	ids map[string][]string // ref → the site's ids; nil without a site
}

// object returns the schema of a map with the given fields.
func (g gen) object(fields []content.Field) obj {
	props := obj{}
	var required []string
	for _, f := range fields {
		v := g.value(f)
		if f.Doc != "" {
			v["description"] = f.Doc
		}
		if f.Required {
			required = append(required, f.Key)
		} else {
			// An optional key may be written without a value (the archetypes do so): the
			// loader treats it as left out.
			v = obj{"anyOf": []any{v, obj{"type": "null"}}, "description": v["description"]}
		}
		props[f.Key] = v
	}
	o := obj{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// value returns the schema of one field's value.
func (g gen) value(f content.Field) obj {
	switch f.Kind {
	case content.KindMap:
		return g.object(f.Fields)
	case content.KindMaps:
		return obj{"type": "array", "items": g.object(f.Fields)}
	case content.KindTexts:
		return obj{"type": "array", "items": scalar(content.KindText)}
	case content.KindHours:
		return obj{"type": "array", "items": obj{"type": "string", "pattern": `\S`},
			"examples": []any{[]any{"man-fre 8-15"}, []any{"døgnet rundt"}}}
	case content.KindHosts:
		return obj{"type": "array", "uniqueItems": true, "items": obj{"type": "string", "pattern": content.HostPattern},
			"examples": []any{[]any{"billeder.kommune.dk"}}}
	case content.KindIDs:
		return obj{"type": "array", "items": g.id(f.Ref)}
	case content.KindID:
		return g.id(f.Ref)
	case content.KindEnum:
		return obj{"enum": stringsAny(f.Enum)}
	}
	return scalar(f.Kind)
}

// id returns the schema of an id, as an enum of the site's ids when ref names a type the
// site has.
func (g gen) id(ref string) obj {
	if list, ok := g.ids[ref]; ok && len(list) > 0 {
		return obj{"enum": stringsAny(list)}
	}
	return obj{"type": "string", "pattern": content.SlugPattern}
}

// scalar returns the schema of a single value. YAML reads unquoted numbers and true/false as
// numbers and booleans; the loader accepts them as text, so the schemas do too.
func scalar(k content.Kind) obj {
	switch k {
	case content.KindInt:
		return obj{"type": "integer"}
	case content.KindBool:
		return obj{"type": "boolean"}
	case content.KindDate:
		return obj{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
	case content.KindURL:
		return obj{"type": "string", "pattern": content.URLPattern, "examples": []any{"https://"}}
	case content.KindEmail:
		return obj{"type": "string", "pattern": content.EmailPattern}
	case content.KindPhone:
		return obj{"anyOf": []any{
			obj{"type": "string", "pattern": content.PhonePattern},
			obj{"type": "integer", "minimum": 100, "maximum": 99999999},
		}}
	}
	return obj{"type": []any{"string", "number", "boolean"}, "pattern": `\S`}
}

// synonyms is the schema of synonymer.yaml: a list of groups of words.
func synonyms(base string) obj {
	o := obj{"$schema": Draft, "title": "Synonymer",
		"description": "Grupper af ord, der betyder det samme i en søgning. Se docs/content-model.md.",
		"type":        "array",
		"items":       obj{"type": "array", "minItems": 2, "items": scalar(content.KindText)}}
	if base != "" {
		o["$id"] = base + "/schema/synonymer.schema.json"
	}
	return o
}

// ids returns the site's ids per referenced type.
func ids(s *site.Site) map[string][]string {
	if s == nil {
		return nil
	}
	m := map[string][]string{}
	for _, a := range s.Audiences {
		m["maalgruppe"] = append(m["maalgruppe"], a.ID)
	}
	for _, t := range s.Topics {
		m["emne"] = append(m["emne"], t.ID)
	}
	for _, st := range s.Steps {
		m["trin"] = append(m["trin"], st.ID)
	}
	for _, c := range s.Contacts {
		m["kontakt"] = append(m["kontakt"], c.Slug)
	}
	for _, p := range s.Providers {
		m["udbyder"] = append(m["udbyder"], p.Slug)
	}
	for _, p := range s.Principles {
		m["princip"] = append(m["princip"], p.Slug)
	}
	return m
}

func baseURL(s *site.Site) string {
	if s == nil {
		return ""
	}
	return s.Config.BaseURL
}

func stringsAny(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// marshal encodes v as indented JSON with a final newline, keys sorted (deterministic).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
