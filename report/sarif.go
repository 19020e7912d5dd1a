package report

import (
	"bufio"
	"io"
	"net/url"
	"sort"
	"strings"
)

// SARIFSchema is the SARIF 2.1.0 JSON Schema the output declares and is tested against.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// InformationURI is where answerlint's documentation lives.
const InformationURI = "https://github.com/answerlint/answerlint"

// SARIF prints a SARIF 2.1.0 log for code-scanning services: one rule per rubric check that has
// findings (with short and full descriptions and help), one result per finding, each with a location
// (a missing concept points at the answer's first line) and a fingerprint that survives line moves.
// A file that could not be graded is an error result of the rule answerlint/input; an answer still
// to do is a note of answerlint/todo.
type SARIF struct {
	PathPrefix string // the working directory relative to the repository root, so URIs are repo-relative
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Print writes the SARIF log as indented JSON. The rule table comes before the results and each
// result names its rule's index, so a first pass over the findings gathers the rules and a second
// streams the results.
func (s SARIF) Print(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: InformationURI, Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(r.Errors) == 0, ToolExecutionNotifications: []sarifNotification{}}},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
	}
	// A file that could not be graded is a result, which code scanning shows as an alert, and also a
	// notification, which says the run was incomplete.
	rules := map[string]sarifRule{}
	err := r.eachFinding(func(f Finding, _ string) error {
		if f.Kind == KindInput {
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
				sarifNotification{Level: "error", Message: sarifText{f.Message}, Locations: []sarifLocation{s.location(f)}})
		}
		if _, ok := rules[f.RuleID()]; !ok {
			rules[f.RuleID()] = sarifRuleOf(f)
		}
		return nil
	})
	if err != nil {
		return err
	}
	run.Tool.Driver.Rules = sortedRules(rules)
	index := map[string]int{}
	for i, rule := range run.Tool.Driver.Rules {
		index[rule.ID] = i
	}
	head, tail, err := splitJSON(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}, "results")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	results := newJSONArray(bw, 4)
	err = r.eachFinding(func(f Finding, _ string) error {
		results.add(sarifResult{
			RuleID: f.RuleID(), RuleIndex: index[f.RuleID()], Level: severityName(f.Severity, "error", "warning", "note"),
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{s.location(f)},
			PartialFingerprints: map[string]string{"answerlintFinding/v1": f.Fingerprint},
		})
		return results.err
	})
	if err != nil {
		return err
	}
	results.end()
	bw.Write(tail)
	return flush(bw, w)
}

func (s SARIF) location(f Finding) sarifLocation {
	reg := sarifRegion{StartLine: f.Line, StartColumn: f.Column}
	if f.HasSpan() {
		reg.EndLine, reg.EndColumn = f.EndLine, f.EndColumn
	}
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: fileURI(repoPath(s.PathPrefix, f.File))},
		Region:           reg,
	}}
}

// sarifRuleOf describes the check of a finding: the first of the check's findings describes it.
func sarifRuleOf(f Finding) sarifRule {
	help := f.Help
	if help == "" {
		help = f.Name
	}
	return sarifRule{
		ID:                   f.RuleID(),
		ShortDescription:     sarifText{f.Name},
		FullDescription:      sarifText{ruleDescription(f)},
		Help:                 sarifText{help},
		DefaultConfiguration: sarifConfiguration{Level: severityName(f.Severity, "error", "warning", "note")},
		Properties:           sarifRuleProps{Tags: ruleTags(f)},
	}
}

// sortedRules lists the rules sorted by id.
func sortedRules(byID map[string]sarifRule) []sarifRule {
	rules := make([]sarifRule, 0, len(byID))
	for _, rule := range byID {
		rules = append(rules, rule)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// ruleTags tag a rule with its kind and, for a rubric's own check, the rubric.
func ruleTags(f Finding) []string {
	tags := []string{"answerlint", string(f.Kind)}
	if f.Rubric != "" && strings.HasPrefix(f.RuleID(), f.Rubric+"/") {
		tags = append(tags, f.Rubric)
	}
	return tags
}

func ruleDescription(f Finding) string {
	switch f.Kind {
	case KindScore:
		return "The answer to \"" + f.Title + "\" scores below the rubric's pass mark."
	case KindConcept:
		return "A strong answer to \"" + f.Title + "\" covers: " + f.Name + "."
	case KindMistake:
		return "An answer to \"" + f.Title + "\" should not state this as its practice: " + f.Name
	case KindInput:
		return "An answer file could not be read or graded; the run is incomplete until it is fixed."
	case KindTodo:
		return "The answer has not been written yet: the file is a blank or untouched template."
	}
	return f.Name + "."
}

// fileURI turns a slash path into a relative URI reference, escaping each segment.
func fileURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
