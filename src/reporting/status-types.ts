/** Where an agency's report of a period stands (status.ts computes it, status-text.ts names it). */
export type AgencyState = 'on_time' | 'late' | 'draft' | 'not_started';
