/** A place in a template: template name (Helm: the chart-relative path), 1-based line and column. */
export interface TemplatePosition {
  template: string;
  line: number;
  column: number;
}
