// What the grammar found in a token sequence: one bit per structure, with the span
// of its first occurrence (for the match fragment).

export const enum Finding {
  UnionSelect = 0,
  BreakoutTautology,   // ' OR '1'='1
  LiteralTautology,    // 1 OR 1=1, AND 1=2
  StackedQuery,        // ; DROP TABLE
  BreakoutComment,     // admin'--
  DangerCall,          // sleep( benchmark( extractvalue( ...
  BreakoutClause,      // ' ORDER BY 1, ' AND ascii(...), '||(SELECT
  SystemCatalog,       // information_schema, mysql.user
  SystemProcedure,     // xp_cmdshell
  SelectFrom,          // SELECT a, b FROM t
  SqlCall,             // char( concat( substring( ...
  BlindProbe,          // WAITFOR DELAY, IF(cond, ...), CASE WHEN
  FileAccess,          // INTO OUTFILE, LOAD DATA INFILE
  CommentEvasion,      // UN/**/ION, /*!50000 select */
  OrderByProbe,        // ORDER BY 5, GROUP BY, HAVING 1=1
  Encoding,            // 0x41424344, char(65,66)
  SystemVariable,      // @@version
  Subquery,            // (SELECT ...
  StatementStart,      // DROP TABLE x, DELETE FROM x, INSERT INTO x
  JsonOperator,        // '{...}'::jsonb @> ..., #>>, ->>
  WeakOperator,        // a lone SQL operator sequence after a breakout
  LeadingCall,         // the value starts with a SQL function call: concat( rand ( if(2=
  LeadingLogic,        // the value starts with a boolean operator and an operand: AND 7639=(  || c == '
  BareOperator,        // the value is only a SQL operator, or one operation of it: <=>  IS NULL  in (0,1)  @v:=1  col<=>1
  LiteralCompare,      // a comparison of two literals: 1=1  42 like 42  '1'='1'
  AliasFrom,           // the tail of a select list: ) AS t FROM
  PgCast,              // PostgreSQL cast to a type: password::int  (foo)::text
  SubqueryOperand,     // a subquery as an operand: = (SELECT  AND (SELECT  IN (SELECT
  NumberOverflow,      // 4294967296  2.2250738585072011e-308: a number just past an integer or double range
  JsonBreakout,        // ":60  ", "role": "admin: the value closes the JSON string it is spliced into and adds structure
  Count,
}

export class Findings {
  mask: u32 = 0;
  start: StaticArray<i32> = new StaticArray<i32>(<i32>Finding.Count);
  end: StaticArray<i32> = new StaticArray<i32>(<i32>Finding.Count);
  /**
   * The value is a column then `LIMIT n` (`price LIMIT 1`), or holds a column's test in parentheses as a sort item
   * (`(qty>77)`): a clause only where the value is a sort key (sqli.ts).
   */
  sortLimit: bool = false;

  reset(): void {
    this.mask = 0;
    this.sortLimit = false;
  }

  has(f: Finding): bool {
    return (this.mask & (1 << <u32>f)) != 0;
  }

  add(f: Finding, start: i32, end: i32): void {
    if (this.has(f)) return;
    this.mask |= 1 << <u32>f;
    unchecked((this.start[<i32>f] = start));
    unchecked((this.end[<i32>f] = end));
  }
}
