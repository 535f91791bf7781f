/** Request bodies up to this many bytes: a full batch of postings is a few megabytes of JSON. */
export const JSON_BODY_LIMIT = 25 * 1024 * 1024;
