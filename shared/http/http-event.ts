import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * An API Gateway HTTP API payload-v2 event. Authorised routes carry the JWT authorizer's claims;
 * public routes carry none.
 */
export type HttpEvent = Omit<APIGatewayProxyEventV2, 'requestContext'> & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]>; scopes?: string[] | null } };
  };
};

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

/** The signed-in user, from the verified token's claims. Roles never come from here. */
export interface Caller {
  userId: string;
  email: string;
}
