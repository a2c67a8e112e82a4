/** The tables as the database sees them: JSON columns are text, dates are ISO 8601 text. */
export interface CommitmentsTable {
  id: string;
  title: string;
  summary: string | null;
  lead_institution: string;
  status: string;
  themes: string;
  plan: string;
  pages: string;
}

export interface ContributionsTable {
  id: string;
  kind: string;
  gap_type: string | null;
  body: string;
  target_url: string;
  target_title: string;
  selectors: string;
  commitment_id: string | null;
  campaign_id: string | null;
  author_pseudonym: string | null;
  locale: string;
  source: string;
  created_at: string;
  status: string;
  received_at: string;
  /** SHA-256 of the validated input: how a repeated id is told duplicate from conflict. */
  content_hash: string;
}

export interface CampaignsTable {
  id: string;
  title: string;
  question: string;
  targets: string;
  opens_at: string;
  closes_at: string;
}

export interface Database {
  commitments: CommitmentsTable;
  contributions: ContributionsTable;
  campaigns: CampaignsTable;
}
