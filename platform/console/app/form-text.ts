/** The text fields of the form an event was submitted from, read by name: '' for a missing field or a file. */
export function formText(event: Event): (name: string) => string {
  const data = new FormData(event.currentTarget as HTMLFormElement);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
