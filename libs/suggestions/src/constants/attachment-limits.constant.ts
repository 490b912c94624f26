/** Files one suggestion may carry: a suggestion is one matter, its evidence a handful of documents and photos. */
export const MAX_ATTACHMENTS_PER_SUGGESTION = 20;
