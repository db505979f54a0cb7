// One way to turn a host name, from a rule or from a link, into the domain Doorman compares:
// lower-case, without a trailing dot or a leading "www.".

export function normalizeDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}
