/** The shape of a locale: the English resource, with every leaf a string. */
export type Messages = { [key: string]: string | Messages };
