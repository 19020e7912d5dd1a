package cmd

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// addCompletions registers dynamic shell completion ('answerlint completion bash|zsh|fish|powershell'):
// rubric ids, tags, report formats and --fail-on values, wherever a flag or argument takes one. Rubric
// ids and tags come from the built-in pack and the configured rubric directories.
func addCompletions(root *cobra.Command, g *globalOptions) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		complete := func(flag string, fn cobra.CompletionFunc) {
			if c.Flags().Lookup(flag) != nil {
				_ = c.RegisterFlagCompletionFunc(flag, fn) // only fails for an unknown flag, checked above
			}
		}
		complete("rubric", g.completeRubricIDs)
		complete("tag", g.completeTags)
		complete("fail-on", cobra.FixedCompletions(config.FailOnValues, cobra.ShellCompDirectiveNoFileComp))
		complete("todo", cobra.FixedCompletions(config.TodoValues, cobra.ShellCompDirectiveNoFileComp))
		complete("format", completeFormats(formatsOf(c)))
	}
	walk(root)
}

// formatsOf is the formats a command's --format takes.
func formatsOf(c *cobra.Command) []string {
	switch c.CommandPath() {
	case "answerlint rubric list":
		return rubricListFormats
	case "answerlint rubric show":
		return rubricShowFormats
	}
	return report.Formats
}

// completeFormats completes FORMAT, and FORMAT=PATH with file names after the "=".
func completeFormats(names []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if strings.Contains(toComplete, "=") {
			return nil, cobra.ShellCompDirectiveDefault
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	}
}

// completionSet loads the rubrics for completion: the configured set, or the built-in pack when the
// configuration cannot be read (a completion must never fail loudly).
func (g *globalOptions) completionSet(cmd *cobra.Command) *rubric.Set {
	if g.v == nil {
		if err := g.loadConfig(cmd); err != nil {
			g.v = nil
		}
	}
	if g.v != nil {
		if set, err := g.rubricsToShow(); err == nil {
			return set
		}
	}
	return rubric.PackRubrics()
}

func (g *globalOptions) completeRubricIDs(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, r := range g.completionSet(cmd).Summaries(nil) {
		if strings.HasPrefix(r.ID, toComplete) {
			out = append(out, cobra.CompletionWithDesc(r.ID, r.Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (g *globalOptions) completeTags(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	count := map[string]int{}
	for _, r := range g.completionSet(cmd).Summaries(nil) {
		for _, t := range r.Tags {
			count[t]++
		}
	}
	var tags []string
	for t := range count {
		if strings.HasPrefix(t, toComplete) {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	out := make([]cobra.Completion, 0, len(tags))
	for _, t := range tags {
		out = append(out, cobra.CompletionWithDesc(t, fmt.Sprintf("%d %s", count[t], map[bool]string{true: "rubric", false: "rubrics"}[count[t] == 1])))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
