/** A choice in a select: what is submitted and what the user reads. */
export interface Option {
  value: string;
  label: string;
}

/** A select's options, after an empty first choice labelled `none` when one is given. */
export function SelectOptions({ options, none }: { options: Option[]; none?: string }) {
  return (
    <>
      {none !== undefined && <option value="">{none}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
