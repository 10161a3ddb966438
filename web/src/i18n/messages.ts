/** A message file's contents: words, grouped by key. */
export type Messages = { [key: string]: string | Messages };
