export const HELP_TEXT = `devportal — check and render Dev Portal service requests, offline.

A request (.devportal.yml) describes a Django REST service: its models, and how it deploys.
The Dev Portal GitHub App turns it into two repositories; this command shows you exactly what
it would write, without touching GitHub.

Usage:
  devportal validate <request.yml> [--settings <settings.yml>] [--json]
      Check a request (and the settings, when given). Exit 0 when valid; 1 with every
      problem listed, each naming the key and how to fix it.

  devportal validate-settings <settings.yml> [--json]
      Check a portal settings file (.github/devportal.yml of the control plane) with the
      rules the app applies.

  devportal plan <request.yml> [--settings <file>] [--owner <org>] [--tag <tag>] [--json]
      Print what the app would create: repositories, secrets, image, URL, every file.
      Writes nothing.

  devportal render <request.yml> --out <dir> [--force] [plan options]
      Write the service to <dir>/repository-a/ (the Django service, its CI workflow) and
      its deployment to <dir>/repository-b/ (apps/<service>/ for Argo CD), then print the
      plan. A non-empty <dir> is refused unless --force; --force replaces only what a
      previous render wrote (listed in <dir>/.devportal-render.json), never anything else.
        --settings <file>  portal settings; without them, placeholder owner and domain
                           are used and the output says so
        --owner <org>      organisation of the repositories (overrides the settings)
        --tag <tag>        image tag written to repository-b (default: latest); deploys
                           use the full commit SHA of each green build

  devportal portal-app <gitops-checkout> [--settings <file>] [--owner <org>]
                       [--host <host>] [--tag <tag>] [--force]
      Write apps/devportal/ (the portal's own deployment: deploy/base and an overlay with
      your image, tag and host) into a checkout of the GitOps repository, so that Argo CD
      deploys the portal like any service. Default host devportal.<domain>, default tag
      this release's version.

  devportal schema             JSON Schema of .devportal.yml (for editor completion)
  devportal settings-schema    JSON Schema of the settings file

  devportal --help | --version

Every command takes --json: stdout is then one JSON document with "ok", errors included.
Exit codes: 0 ok, 1 invalid input, 2 wrong usage.

Examples:
  devportal validate examples/orders-api.devportal.yml
  devportal validate-settings examples/settings.yml
  devportal plan examples/orders-api.devportal.yml --settings examples/settings.yml
  devportal render examples/orders-api.devportal.yml --settings examples/settings.yml --out out
`;
