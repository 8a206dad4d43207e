// What `cloudflare:workers` exposes to tests in this project: the Worker's default export.
declare namespace Cloudflare {
  interface Exports {
    default: Fetcher;
  }
}
