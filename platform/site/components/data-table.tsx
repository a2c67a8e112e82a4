import type { ComponentChildren } from 'preact';

export type Cell = ComponentChildren;

/** A DSFR table: a caption, column headers, and the first cell of each row as its header. */
export function DataTable({
  caption,
  columns,
  rows,
  foot,
  id,
  captionHidden = false,
}: {
  caption: ComponentChildren;
  columns: Cell[];
  rows: Cell[][];
  foot?: Cell[] | undefined;
  id?: string | undefined;
  /** When a heading right above already says it: the caption stays for screen readers. */
  captionHidden?: boolean;
}) {
  return (
    <div class={`fr-table fr-table--no-scroll vigie-table${captionHidden ? ' fr-table--no-caption' : ''}`} id={id}>
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th scope="col">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([first, ...rest]) => (
                  <tr>
                    <th scope="row">{first}</th>
                    {rest.map((cell) => (
                      <td>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {foot ? (
                <tfoot>
                  <tr>
                    <th scope="row">{foot[0]}</th>
                    {foot.slice(1).map((cell) => (
                      <td>{cell}</td>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
