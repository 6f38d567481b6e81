/** Shapes of the message catalogues: a message is a string or a set of plural forms. */

/** Plural forms of one message, picked with Intl.PluralRules; `other` is required. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** One message: text with `{name}` placeholders, or plural forms of such text. */
export type Message = string | Plural;
/** A catalogue: message key → message. */
export type Catalogue = Record<string, Message>;
/** The shape a translation must have: the same keys, strings for strings, plurals for plurals. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Plural };
