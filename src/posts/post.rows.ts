import { Post, PostQuota, Staffing } from './post.model';

/** The post tables as the SQL reads them, and their models. */
export interface PostRow {
  id: string;
  unit_id: string;
  title: string;
  level: string;
  party_post: boolean;
  required_domains: string[];
  preferred_domains: string[];
  approved_holders: number;
  established_on: string | null;
  source: string | null;
  external_id: string | null;
}

export interface QuotaRow {
  id: string;
  unit_id: string;
  level: string;
  places: number;
}

export const POST_COLUMNS = `pt.id, pt.unit_id, pt.title, pt.level, pt.party_post, pt.required_domains::text[],
  pt.preferred_domains::text[], pt.approved_holders, pt.established_on::text, pt.source, pt.external_id`;

export const toPost = (r: PostRow): Post =>
  Object.assign(new Post(), {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    level: r.level,
    partyPost: r.party_post,
    requiredDomains: r.required_domains,
    preferredDomains: r.preferred_domains,
    approvedHolders: r.approved_holders,
    establishedOn: r.established_on,
    source: r.source,
    externalId: r.external_id,
  });

export const toQuota = (r: QuotaRow): PostQuota =>
  Object.assign(new PostQuota(), { id: r.id, unitId: r.unit_id, level: r.level, places: r.places });

export function toStaffing(asOf: string, approved: number, holders: number): Staffing {
  return Object.assign(new Staffing(), {
    asOf,
    approved,
    holders,
    vacant: Math.max(approved - holders, 0),
    excess: Math.max(holders - approved, 0),
    overQuota: holders > approved,
  });
}
