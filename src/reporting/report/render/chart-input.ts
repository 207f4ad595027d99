// What a chart shows, independent of how it is drawn (chart.ts draws it; chart-overview.ts builds the overview's).

export interface ChartDatum {
  agency: string; // the bar's name: an agency, or an item in the overview
  value: number;
  label: string;
}

export interface ChartInput {
  title: string;
  subtitle: string[];
  unit: string | null;
  target: number | null;
  data: ChartDatum[];
  /** Keep the bars in report order (the overview) instead of largest first. */
  keepOrder?: boolean;
  /** Title of the value axis; default "Giá trị (<unit>)". */
  axisTitle?: string;
}
