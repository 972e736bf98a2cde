/**
 * Character codes the JSON modules test against (charCodeAt values), in one place: the
 * parser, the depth scan and the position finder all read the same characters.
 */
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const QUOTE = 0x22; // "
export const DOLLAR = 0x24;
export const APOSTROPHE = 0x27; // '
export const STAR = 0x2a;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const DIGIT_0 = 0x30;
export const DIGIT_1 = 0x31;
export const DIGIT_9 = 0x39;
export const COLON = 0x3a;
export const UPPER_E = 0x45;
export const OPEN_BRACKET = 0x5b; // [
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d; // ]
export const UNDERSCORE = 0x5f;
export const LOWER_E = 0x65;
export const LOWER_U = 0x75;
export const OPEN_BRACE = 0x7b; // {
export const CLOSE_BRACE = 0x7d; // }
export const BOM = 0xfeff;
