// Upload file names: where a request names a file it writes (multipart file
// names, `X-Filename`-style headers), the extensions a server would execute.
import { byteAt, isSpaceByte, lowerByte } from "../../bytes";
import { Target, TargetKind } from "../../target";

/** Whether `t` carries the name of an uploaded file. */
export function isUploadName(t: Target): bool {
  if (t.kind == TargetKind.Filename) return true;
  if (t.kind != TargetKind.Header) return false;
  // x-filename, x_filename, x.filename, x-file-name ... (the key; targets built by hand may only have a name)
  const name = t.key.length > 0 ? t.key : t.name;
  if (name.indexOf("file") < 0) return false;
  let letters = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (<u32>(c | 0x20) - 0x61 < 26) letters += String.fromCharCode(c | 0x20, -1);
  }
  return letters.endsWith("filename", String.MAX_LENGTH);
}

/**
 * The extensions of a file name, lower-cased and with the blanks and dots that
 * Windows and sloppy servers drop removed: "shell. PHP . " gives ["php"],
 * "a.php.jpg" gives ["php", "jpg"], "a.asp;.jpg" and "a.php::$DATA" give "asp" and "php" (an extension
 * ends at `:`, `;`, `%` or NUL, where Windows, IIS and C stop reading). The base name (before the first dot) is left out.
 */
export function fileExtensions(data: ArrayBuffer): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = data.byteLength - 1; i >= 0; i--) {
    const c = byteAt(data, i);
    if (c == 0x2f || c == 0x5c) { start = i + 1; break; }
  }
  let i = start;
  const n = data.byteLength;
  while (i < n && byteAt(data, i) != 0x2e) i++;
  while (i < n) {
    i++; // past the dot
    let ext = "";
    let cut = false;
    while (i < n && byteAt(data, i) != 0x2e) {
      const c = byteAt(data, i);
      // Windows ends a name at a stream (`::$DATA`), IIS at `;`, C at NUL (sent raw or as `%00`)
      if (c == 0x3a || c == 0x3b || c == 0x25 || c == 0) cut = true;
      else if (!cut && !isSpaceByte(c) && ext.length < 16) ext += String.fromCharCode(lowerByte(c), -1);
      i++;
    }
    if (ext.length > 0) out.push(ext);
  }
  return out;
}
