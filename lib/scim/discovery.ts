import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, USER_SCHEMA, type ScimJson } from "./resources";

// What an IdP reads to learn what this service provider supports (RFC 7644
// §4, RFC 7643 §5–7). Static: they describe lib/scim and lib/data/scim-*.

export const MAX_RESULTS = 1000;

export function serviceProviderConfig(base: string): ScimJson {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/skillgrid/skillgrid#directory-sync-scim",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A token an admin creates on /org/directory, sent as Authorization: Bearer <token>.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string): ScimJson[] {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "A person of the organisation",
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "A directory group, mapped to a team or a role on /org/directory",
      schema: GROUP_SCHEMA,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

type Attr = {
  name: string;
  type?: string;
  multiValued?: boolean;
  required?: boolean;
  subAttributes?: ScimJson[];
} & Record<string, unknown>;

function attribute({ name, type = "string", multiValued = false, required = false, ...rest }: Attr): ScimJson {
  return {
    name,
    type,
    multiValued,
    required,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...rest,
  };
}

const userAttributes = [
  attribute({ name: "userName", required: true, uniqueness: "server" }),
  attribute({ name: "externalId", caseExact: true }),
  attribute({
    name: "name",
    type: "complex",
    subAttributes: [
      attribute({ name: "formatted" }),
      attribute({ name: "givenName" }),
      attribute({ name: "familyName" }),
    ],
  }),
  attribute({ name: "displayName" }),
  attribute({ name: "title" }),
  attribute({ name: "active", type: "boolean" }),
  attribute({
    name: "emails",
    type: "complex",
    multiValued: true,
    subAttributes: [
      attribute({ name: "value" }),
      attribute({ name: "type" }),
      attribute({ name: "primary", type: "boolean" }),
    ],
  }),
  attribute({
    name: "groups",
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      attribute({ name: "value", mutability: "readOnly" }),
      attribute({ name: "display", mutability: "readOnly" }),
    ],
  }),
];

const groupAttributes = [
  attribute({ name: "displayName", required: true, uniqueness: "server" }),
  attribute({ name: "externalId", caseExact: true }),
  attribute({
    name: "members",
    type: "complex",
    multiValued: true,
    subAttributes: [
      attribute({ name: "value", mutability: "immutable" }),
      attribute({ name: "display", mutability: "readOnly" }),
    ],
  }),
];

const enterpriseAttributes = [
  attribute({
    name: "manager",
    type: "complex",
    subAttributes: [attribute({ name: "value" }), attribute({ name: "displayName", mutability: "readOnly" })],
  }),
];

export function schemaDocuments(base: string): ScimJson[] {
  const doc = (id: string, name: string, attributes: ScimJson[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    id,
    name,
    attributes,
    meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
  });
  return [
    doc(USER_SCHEMA, "User", userAttributes),
    doc(GROUP_SCHEMA, "Group", groupAttributes),
    doc(ENTERPRISE_SCHEMA, "EnterpriseUser", enterpriseAttributes),
  ];
}

export const discoveryList = (resources: ScimJson[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
