// Functions query languages apply to a column, label or field: SQL aggregates and scalar functions,
// PromQL aggregations, OData and analytics APIs. A call of one over bare names (sum(amount),
// count(up), trim(Name)) is how those languages read, so detectors that see code in a call ask here.
import { WordList } from "../../wordlist";

export const COLUMN_FUNCTIONS = new WordList("count|sum|min|max|avg|length|len|lower|upper|trim|round|floor|ceil|ceiling|abs|year|month|day|hour|minute|second|week|quarter|date|sign|log|ln|exp|pow|power|mod|cast");
