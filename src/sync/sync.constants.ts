/** Request bodies up to this size: a full batch of postings is a few megabytes of JSON. */
export const JSON_BODY_LIMIT = '25mb';
