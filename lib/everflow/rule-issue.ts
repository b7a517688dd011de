/** One broken rule: the field to highlight and a sentence that says how to fix it. */
export interface RuleIssue {
  field: string;
  message: string;
}
