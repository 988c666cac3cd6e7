// The rule registry: every detector's rules in one table, looked up by id.
import { Rule } from "./rule";
import { PROTOCOL_RULES } from "./detectors/protocol";
import { SQLI_RULES } from "./detectors/sqli";
import { XSS_RULES } from "./detectors/xss";
import { RCE_RULES } from "./detectors/rce";
import { LFI_RULES } from "./detectors/lfi";
import { RFI_RULES } from "./detectors/rfi";
import { SSRF_RULES } from "./detectors/ssrf";
import { JAVA_RULES } from "./detectors/java";
import { PHP_RULES } from "./detectors/php";
import { NODEJS_RULES } from "./detectors/nodejs";
import { SSTI_RULES } from "./detectors/ssti";
import { NOSQL_RULES } from "./detectors/nosql";
import { LDAP_RULES } from "./detectors/ldap";
import { XXE_RULES } from "./detectors/xxe";
import { SCANNER_RULES } from "./detectors/scanner";
import { SESSION_RULES } from "./detectors/session";
import { OTHER_RULES } from "./detectors/other";

export const RULES: Rule[] = PROTOCOL_RULES
  .concat(SQLI_RULES).concat(XSS_RULES).concat(RCE_RULES).concat(LFI_RULES).concat(RFI_RULES)
  .concat(SSRF_RULES).concat(JAVA_RULES).concat(PHP_RULES).concat(NODEJS_RULES).concat(SSTI_RULES)
  .concat(NOSQL_RULES).concat(LDAP_RULES).concat(XXE_RULES).concat(SCANNER_RULES).concat(SESSION_RULES)
  .concat(OTHER_RULES);

// Ids are < 18000 (docs/ARCHITECTURE.md): a direct index, built on first use.
const MAX_ID = 18000;
let byId: StaticArray<i32> | null = null;

export function findRule(id: i32): Rule | null {
  if (byId === null) {
    const index = new StaticArray<i32>(MAX_ID);
    for (let i = 0; i < MAX_ID; i++) index[i] = -1;
    for (let i = 0; i < RULES.length; i++) {
      const rid = RULES[i].id;
      if (rid >= 0 && rid < MAX_ID && index[rid] < 0) index[rid] = i;
    }
    byId = index;
  }
  if (id < 0 || id >= MAX_ID) return null;
  const k = unchecked(byId![id]);
  return k < 0 ? null : RULES[k];
}
