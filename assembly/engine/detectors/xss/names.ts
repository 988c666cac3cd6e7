// Tag and attribute names the tag scanner classifies. Names are compared in
// lower case against the tag's local name (after any `prefix:`).
import { byteAt, lowerByte, matchesCI } from "../../bytes";
import { WordList } from "../../wordlist";

/** Elements that run script, load active content, change the document's base or escape it. */
const DANGEROUS_TAGS = new WordList(
"script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|import|vmlframe|isindex|\
noscript|noembed|noframes|xmp|plaintext|dialog|layer|ilayer|bgsound|handler|listener|portal|include|xss");
// (`<template>` is not among them: its content is parsed but never rendered or run until a script clones it)

/**
 * Dangerous elements that act only through their attributes (href, content, src): written
 * bare (`<BASE>` in a glibc collation table, `<Object>` as a type in API docs) they do nothing. An
 * `<object>` also takes its URL from `<param>` children: tags.ts keeps it when "param" follows.
 */
const ATTRIBUTE_ONLY_TAGS = new WordList("base|meta|link|object|embed|frame");

export function isAttributeOnlyTag(buf: ArrayBuffer, start: i32, end: i32): bool {
  return ATTRIBUTE_ONLY_TAGS.hasLower(buf, start, end);
}

/** Elements whose content is raw text: closing one breaks out of a script or text context. */
const RAW_TEXT_TAGS = new WordList("script|style|title|textarea|xmp|noscript|noembed|noframes|template|iframe|plaintext");

/** Ordinary HTML elements: with attributes in a value they are markup injection. */
const HTML_TAGS = new WordList(
"a|abbr|address|area|article|aside|audio|b|bdi|bdo|blink|blockquote|body|br|button|canvas|caption|center|cite|\
code|col|colgroup|data|datalist|dd|del|details|dfn|div|dl|dt|em|fieldset|figcaption|figure|font|footer|h1|h2|\
h3|h4|h5|h6|head|header|hr|html|i|image|img|input|ins|kbd|keygen|label|legend|li|main|map|mark|marquee|menu|\
meter|nav|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|samp|section|select|slot|small|source|\
span|strike|strong|sub|summary|sup|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|\
video|wbr|svg|math|animate|set|use|foreignobject|template");

/** Attributes that execute, redirect or change how a document is parsed. */
const DANGEROUS_ATTRS = new WordList(
"formaction|srcdoc|xlink:href|xsi:schemalocation|xml:base|http-equiv|language|dynsrc|lowsrc|seeksegmenttime|\
fscommand|implementation");

export function isDangerousTag(buf: ArrayBuffer, start: i32, end: i32): bool {
  return DANGEROUS_TAGS.hasLower(buf, start, end);
}

export function isRawTextTag(buf: ArrayBuffer, start: i32, end: i32): bool {
  return RAW_TEXT_TAGS.hasLower(buf, start, end);
}

export function isHtmlTag(buf: ArrayBuffer, start: i32, end: i32): bool {
  return HTML_TAGS.hasLower(buf, start, end);
}

/** Whether `name` (lower case) is a prefix of a dangerous tag: spaced-out names (`<f o r m`) are read on. */
export function isDangerousTagPrefix(buf: ArrayBuffer, start: i32, end: i32): bool {
  const n = end - start;
  for (let k = 0; k < DANGEROUS_TAGS.count; k++) {
    if (DANGEROUS_TAGS.length(k) <= n) continue;
    let j = 0;
    while (j < n && lowerByte(byteAt(buf, start + j)) == DANGEROUS_TAGS.code(k, j)) j++;
    if (j == n) return true;
  }
  return false;
}

export function isDangerousAttr(buf: ArrayBuffer, start: i32, end: i32): bool {
  return DANGEROUS_ATTRS.hasLower(buf, start, end);
}

/**
 * Attributes of ordinary elements whose value the browser fetches or applies as style (CRS 941150 counts `href`, `src`,
 * `style`): a tag left open with one of them links or loads; with only others (`class`, `title`, `aria-hidden`) it adds
 * nothing. (`<form action>`, `<object data>` are dangerous tags, `formaction` a dangerous attribute: reported apart.)
 */
const LOADING_ATTRS = new WordList("href|src|srcset|style|background|poster|ping");

export function isLoadingAttr(buf: ArrayBuffer, start: i32, end: i32): bool {
  return LOADING_ATTRS.hasLower(buf, start, end);
}

/** The DOM events AngularJS binds as `ng-<event>` directives, and `init`, which runs on link. */
const NG_EVENTS = new WordList(
"click|dblclick|mousedown|mouseup|mouseover|mouseout|mousemove|mouseenter|mouseleave|keydown|keyup|keypress|\
submit|focus|blur|copy|cut|paste|change|init");

/**
 * `on` followed by 3 to 40 letters: the shape of every DOM event handler attribute. Also AngularJS's
 * bindings of them (`ng-focus`, written `data-ng-` or `x-ng-` too): a page that compiles user markup
 * runs their expression, where `$event.view` is the window.
 */
export function isEventHandlerName(buf: ArrayBuffer, start: i32, end: i32): bool {
  const n = end - start;
  let ng = start;
  if (n > 8 && matchesCI(buf, ng, "data-")) ng += 5;
  else if (n > 5 && matchesCI(buf, ng, "x-")) ng += 2;
  if (end - ng > 3 && matchesCI(buf, ng, "ng-")) return NG_EVENTS.hasLower(buf, ng + 3, end);
  if (n < 5 || n > 42) return false;
  if (lowerByte(byteAt(buf, start)) != 0x6f || lowerByte(byteAt(buf, start + 1)) != 0x6e) return false;
  for (let j = start + 2; j < end; j++) {
    if ((byteAt(buf, j) | 0x20) - 0x61 >= 26) return false;
  }
  return true;
}

/**
 * Members of document and of elements that scripts (and HTML sanitizers) read: an element whose id or
 * name is one shadows it (`<img name=cookie>` is document.cookie, `<input name=attributes>` a form's
 * attributes). Case matters, as in the DOM; names that are also ordinary field names (body, title,
 * domain, action, submit) are left out.
 */
const DOM_MEMBERS = new WordList(
"cookie|referrer|getElementById|querySelector|createElement|currentScript|defaultView|\
documentElement|attributes|nodeName|parentNode|firstChild|ownerDocument|innerHTML");

export function isDomMember(buf: ArrayBuffer, start: i32, end: i32): bool {
  return DOM_MEMBERS.has(buf, start, end);
}
