// C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F): never part of a name, path or
// data cell. One definition for sign-in, callback paths and ingest; a `note` cell may keep
// tab and line breaks (lib/ingest/rows.ts).
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, except tab, line feed and carriage return. */
export const CONTROL_CHARACTER_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Each control character replaced by U+FFFD, so it is shown, never acted on. */
export const withControlCharactersShown = (s: string) => s.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), '\uFFFD');
