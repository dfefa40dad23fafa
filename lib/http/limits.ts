// Request body limits, shared by next.config.ts (Next's own server-action
// limit and how much of a body it buffers for the proxy) and the proxy's
// refusal. The largest action input is a framework import (1,000,000
// characters, up to 3 bytes each in UTF-8).
export const ACTION_BODY_LIMIT = 4 * 1024 * 1024;
