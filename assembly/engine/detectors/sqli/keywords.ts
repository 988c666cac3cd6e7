// SQL words the grammar cares about, by class. A word is looked up by a hash of its
// lower-cased bytes (no string is built on the hot path); a collision with a non-keyword
// needs a 32-bit hash clash, which only makes one ordinary word look like a keyword.

import { needleCode, needleLength } from "../../bytes";

export const enum Kw {
  None = 0,
  // statement starters
  Select, Insert, Update, Delete, Drop, Create, Alter, Truncate, Exec, Declare, Shutdown, Waitfor, Grant, Pragma, Set,
  // set and logic
  Union, All, Distinct, And, Or, Xor, Not,
  // comparison words
  Like, Is, In, Between, Exists, Escape, Collate,
  // values
  True, False, Null,
  // clauses
  From, Where, Having, Group, Order, By, Limit, Offset, Into, Outfile, Values, As, Table, Database, Case, When, Then,
  Else, End, Delay, Time, Procedure, Top, Join, On, Asc, Desc, Load, Data, Infile, Dual, Analyse, Object,
  // function names: weak (also ordinary words or common code), sql (SQL-specific), danger (attack staples)
  FuncWeak, FuncSql, FuncDanger,
  // schema objects and stored procedures attackers probe
  SysTable, SysSchema, SysObject, SysProc, SqlOnlyName,
  // English function words: no SQL expression has them, so they break a would-be statement
  Article,
}

// The keyword classes by word hash: open addressing in two parallel tables, half empty at most
// (~400 words), so a lookup is one or two probes of a u32 (a word never hashes to 0: see keywordOf).
const SLOTS = 1024;
const slotHashes = new StaticArray<u32>(SLOTS);
const slotClasses = new StaticArray<u8>(SLOTS);

/** The slot of `hash`: where it is, or the empty slot where it would go. */
function slotOf(hash: u32): i32 {
  let i = <i32>((hash ^ (hash >> 16)) & (SLOTS - 1));
  while (unchecked(slotHashes[i]) != 0 && unchecked(slotHashes[i]) != hash) i = (i + 1) & (SLOTS - 1);
  return i;
}

/** FNV-1a step over one lower-cased byte. */
// @ts-ignore: decorator
@inline export function hashStep(h: u32, c: u32): u32 {
  return (h ^ c) * 16777619;
}
export const HASH_SEED: u32 = 2166136261;

/**
 * Adds the words of `words` (lower case, separated by `|`) as `kw`; after a `;` the words of the next
 * class (kw + 1), and so on. A needle (bytes.ts): the builds pass the literal as bytes
 * (scripts/pack-needles.js), read once here. One call for a run of classes keeps the start function
 * small (a call costs ~11 bytes of code).
 */
function add<Needle>(words: Needle, kw: Kw, n: i32 = 0): void {
  n = needleLength(words, n);
  let h = HASH_SEED;
  for (let j = 0; j <= n; j++) {
    const c = j < n ? needleCode(words, j) : 0x7c;
    if (c != 0x7c && c != 0x3b) {
      h = hashStep(h, c);
      continue;
    }
    const slot = slotOf(h);
    unchecked(slotHashes[slot] = h);
    unchecked(slotClasses[slot] = <u8>kw);
    h = HASH_SEED;
    if (c == 0x3b) kw++;
  }
}

// The SQL words, one group a class in Kw order from Kw.Select to Kw.Object (groups separated by `;`).
// (pragma|dbcc: SQLite's PRAGMA and MSSQL's DBCC, statements that read or change the engine's own settings)
add(
"select;insert;update;delete;drop;create;alter;truncate;exec|execute;declare;shutdown;waitfor;grant|revoke;pragma|dbcc;set;\
union|intersect|except|minus;all;distinct|distinctrow;and;or;xor;not;\
like|rlike|regexp|ilike|glob|similar|sounds;is|notnull;in;between;exists;escape;collate;\
true;false;null;\
from;where;having;group;order;by;limit;offset;into;outfile|dumpfile;values;as;table;database|schema;case;when;then;\
else;end;delay;time;procedure;top;join;on;asc;desc;load;data;infile;dual;analyse|analyze;\
function|view|index|login|trigger|sequence|tablespace", Kw.Select);

// Names that are also plain words or common in code: a call to one is weak evidence alone.
add(
"count|sum|min|max|avg|left|right|length|len|lower|upper|trim|format|position|round|floor|ceil|ceiling|abs|\
replace|reverse|repeat|space|power|pow|sign|log|exp|mod|now|date|year|month|day|hour|minute|second|user|\
password|field|find_in_set|if|coalesce|least|greatest|div|day|default|ln|local|quarter|week|weekday|dayname|localtime|row|\
json_extract|json_keys|cast|convert", Kw.FuncWeak);
// SQL-specific names: a call to one is unusual outside SQL.
add(
"ascii|char|chr|concat|concat_ws|group_concat|string_agg|listagg|substring|substr|mid|ord|unhex|hex|bin|oct|\
char_length|character_length|octet_length|bit_length|ltrim|rtrim|lpad|rpad|instr|locate|strcmp|soundex|\
ifnull|isnull|nullif|elt|make_set|export_set|md5|sha|sha1|sha2|crc32|rand|sysdate|version|current_user|\
system_user|session_user|current_database|db_name|user_name|host_name|suser_name|is_srvrolemember|\
has_dbaccess|object_id|object_name|col_name|type_name|quotename|pg_read_file|pg_ls_dir|to_char|to_number|nvl|\
nvl2|decode|encode|regexp_substr|regexp_like|json_object|xmlelement|xmlagg|uuid|connection_id|last_insert_id|\
row_count|found_rows|unicode|nchar|varchar_to|release_lock|is_free_lock|charset|\
collation|coercibility|strpos|textlen|zeroblob|sqlite_version|typeof|last_value|first_value|inet_server_addr|\
pg_client_encoding|dbms_xmlgen|utl_raw|instrb|substrb|lengthb|sin|cos|tan|cot|atan|asin|acos|compress|\
uncompress|uncompressed_length|lo_get|starts_with|jsonb_pretty|json_build_object|unistr|\
sqlite_compileoption_used|sqlite_compileoption_get|json_valid|likelihood|unlikely|iif", Kw.FuncSql);
// Calls that only attacks make through a request parameter.
add(
"sleep|benchmark|pg_sleep|extractvalue|updatexml|load_file|name_const|sys_eval|sys_exec|dbms_pipe|utl_http|\
utl_inaddr|dbms_lock|dbms_java|ctxsys|geometrycollection|multilinestring|multipolygon|load_extension|\
pg_read_binary_file|lo_import|lo_export|dblink|openrowset|opendatasource|openquery|xmltype|dbms_xmlquery|\
httpuritype|randomblob|get_lock|master_pos_wait|dbms_ldap|utl_tcp|utl_smtp|utl_file", Kw.FuncDanger);
add(
"information_schema|sysobjects|syscolumns|sysusers|sysdatabases|sysprocesses|pg_shadow|pg_user|pg_database|\
pg_tables|pg_class|pg_namespace|pg_proc|all_tables|all_tab_columns|user_tables|user_tab_columns|dba_users|\
all_users|user_objects|msysobjects|msysaccessobjects|msysqueries|sqlite_master|sqlite_schema|\
sqlite_temp_master|performance_schema|northwind|msdb|tempdb|sysibm|syscat|systables|schemata|\
innodb_table_stats|pg_catalog", Kw.SysTable);
// Schema names that are also ordinary words: they count only when qualified (`mysql.user`, `master..x`).
add("mysql|master|sys|dbo", Kw.SysSchema);
add(
"tables|columns|objects|databases|schemas|grants|processlist|variables|sql_logins|syslogins|sysxlogins|procs|db", Kw.SysObject);
add(
"xp_cmdshell|xp_regread|xp_regwrite|xp_dirtree|xp_fileexist|xp_servicecontrol|xp_availablemedia|\
xp_terminate_process|sp_password|sp_addlogin|sp_addsrvrolemember|sp_configure|sp_executesql|sp_oacreate|\
sp_oamethod|sp_makewebtask|sp_execute|sp_prepare|sp_sqlexec", Kw.SysProc);
// Names only SQL uses (types, providers, packages): a value that is just one of them is a probe.
// (schema_name: the column of information_schema.schemata a schema enumeration reads)
add(
"nvarchar|varchar|varbinary|utl_http|openrowset|opendatasource|msdasql|sqloledb|sysdate|schema_name", Kw.SqlOnlyName);
add(
"the|a|an|my|your|our|their|his|her|its|this|these|those|we|you|they|he|she|it|i|me|us|them|to|of|for|with|\
about|would|could|should|will|can|please", Kw.Article);

/** The keyword class of a word given by its hash, Kw.None for a plain identifier. */
export function keywordOf(hash: u32): Kw {
  // 0 marks an empty slot; no keyword hashes to it (test/engine/sqli-grammar.test.ts reads them all)
  if (hash == 0) return Kw.None;
  return <Kw>unchecked(slotClasses[slotOf(hash)]);
}

/** Whether the word can start a statement (after `;`, at the start of a value). */
export function isStatementKw(k: Kw): bool {
  return k >= Kw.Select && k <= Kw.Set;
}

export function isFunctionKw(k: Kw): bool {
  return k == Kw.FuncWeak || k == Kw.FuncSql || k == Kw.FuncDanger;
}
