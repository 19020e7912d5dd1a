package cmd

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/answerlint/answerlint/eval"
)

// evalStandards writes the standards report: agreement beside human–human agreement, the limits
// applied and the flags raised.
func evalStandards(b *strings.Builder, st *eval.Standards) {
	if st == nil {
		return
	}
	b.WriteString("\nstandards for automated scoring (Williamson, Xi & Breyer 2012):\n")
	tw := tabwriter.NewWriter(b, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tn\tr\tQWK\texact\tadjacent\tSMD\t")
	row := func(name string, c eval.Comparison) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", name, c.N, fig(c.Pearson), fig(c.QWK), pct(c.Exact), pct(c.Adjacent), signed(c.SMD))
	}
	if st.HumanHuman != nil {
		row("human–human", *st.HumanHuman)
	}
	row("answerlint–human", st.MachineHuman)
	if d := st.Degradation; d != nil {
		fmt.Fprintf(tw, "degradation\t\t%s\t%s\t\t\t\t\n", signed(d.Pearson), signed(d.QWK))
	}
	for _, g := range st.Groups {
		name := "group " + g.Name
		if g.Flagged {
			name = "! " + name
		}
		row(name, g.MachineHuman)
	}
	tw.Flush()
	if st.HumanHuman != nil {
		fmt.Fprintf(b, "PRMSE %s (share of the true-score variance answerlint explains, allowing for the humans' disagreement)\n", fig(st.PRMSE))
	}
	fmt.Fprintf(b, "r per question, mean %s", fig(st.PerQuestionPearson))
	if iv := st.PerQuestionPearsonInterval; iv != nil {
		fmt.Fprintf(b, " [%s, %s]", fig(iv[0]), fig(iv[1]))
	}
	b.WriteString("\nlimits: ")
	var limits []string
	for _, t := range st.Thresholds {
		limits = append(limits, fmt.Sprintf("%s %g", t.Name, t.Value))
	}
	b.WriteString(strings.Join(limits, ", ") + "\n")
	if len(st.Flags) == 0 {
		b.WriteString("flags: none\n")
		return
	}
	for _, f := range st.Flags {
		fmt.Fprintf(b, "flag: %s\n", f)
	}
}
