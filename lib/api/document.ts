import { buildOpenApi } from "./openapi";
import { OPERATIONS } from "./operations";

/** The API's OpenAPI document (served at /api/v1/openapi.json, committed as openapi/v1.json). */
export const openApiDocument = () => buildOpenApi(OPERATIONS);
