// The plugin's name and version come from package.json (the build inlines them), so a release
// that bumps the version (`changeset version`) needs no edit here.
import pkg from '../package.json' with { type: 'json' };

export const PLUGIN_NAME: string = pkg.name;
export const PLUGIN_VERSION: string = pkg.version;
export const NAMESPACE = 'resilience';
