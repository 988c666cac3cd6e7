// Turns a model validation error (ajv errors from @kubernetes-models/validate) into
// "field: what is wrong (what would be valid)" lines.
interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export function describeModelError(err: unknown): string {
  const errors = (err as { errors?: AjvError[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return (err as Error).message;
  const lines = errors.map((e) => {
    const field = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(document)";
    switch (e.keyword) {
      case "enum":
        return `${field}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      case "required":
        return `${field === "(document)" ? "" : `${field}.`}${e.params.missingProperty}: is required`;
      case "type":
        return `${field}: must be ${e.params.type}`;
      default:
        return `${field}: ${e.message}`;
    }
  });
  return [...new Set(lines)].join("; ");
}
