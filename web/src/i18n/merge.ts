export type Texts = Record<string, unknown>;

/** The capabilities' text files as one object: each file holds its own top-level key. */
export const mergeTexts = (files: Record<string, Texts>): Texts => Object.assign({}, ...Object.values(files)) as Texts;
