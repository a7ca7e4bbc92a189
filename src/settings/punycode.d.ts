// punycode 2 ships no types; only the decoder is used (the URL parser already encodes).
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
}
