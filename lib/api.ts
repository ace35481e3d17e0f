import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type HttpRouteIntegration } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { apiFunctions, routes, type ApiFunctionName, type ApiFunctionSpec, type RouteSpec } from '../shared/http/routes';
import type { Auth } from './auth';
import type { Automation } from './automation';
import type { RapportConfig } from './config';
import type { DataTable } from './data';
import { RapportFunction } from './rapport-function';

export interface ApiProps {
  config: RapportConfig;
  data: DataTable;
  auth: Auth;
  automation: Automation;
  /** Environment every API function gets (table name comes from RapportFunction). */
  environment: Record<string, string>;
}

/**
 * The HTTP API: one route per entry of THE route table, each behind the Cognito JWT authorizer
 * unless marked public; one Lambda per resource; CORS from context; throttled; access-logged.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<ApiFunctionName, RapportFunction>;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;

    this.httpApi = new HttpApi(this, 'Http', {
      apiName: 'rapport',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: config.corsOrigins,
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS],
        maxAge: Duration.minutes(10),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userId: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.auth.userPool, {
      userPoolClients: [props.auth.client],
      identitySource: ['$request.header.Authorization'],
    });

    const functions = {} as Record<ApiFunctionName, RapportFunction>;
    const integrations = {} as Record<ApiFunctionName, HttpRouteIntegration>;
    for (const [name, spec] of Object.entries(apiFunctions) as [ApiFunctionName, ApiFunctionSpec][]) {
      const fn = new RapportFunction(this, `${pascal(name)}Function`, {
        entry: spec.entry,
        description: `Rapport API: ${name}`,
        table: props.data,
        tableAccess: spec.table,
        environment: props.environment,
      });
      if (spec.sendsEmail) props.automation.allowSending(fn.role);
      if (spec.managesSchedules) props.automation.allowScheduling(fn);
      functions[name] = fn;
      integrations[name] = new HttpLambdaIntegration(`${pascal(name)}Integration`, fn.fn);
    }
    this.functions = functions;

    const publicRouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes as readonly RouteSpec[]) {
      const added = this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method as HttpMethod],
        integration: integrations[route.fn],
        ...(route.public ? {} : { authorizer }),
      });
      if (route.public) {
        // Route settings name routes by key, so the stage must come after them.
        for (const r of added) {
          this.stage.node.addDependency(r);
          Validations.of(r).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG4', reason: route.publicBecause });
        }
        const throttle = route.throttle === 'polling' ? config.pollingThrottle : config.publicThrottle;
        publicRouteSettings[`${route.method} ${route.path}`] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
      }
    }
    // The L2 stage has no per-route settings; routes that need no token get their own limits.
    // routeSettings is raw CloudFormation JSON, hence the PascalCase keys.
    (this.stage.node.defaultChild as CfnStage).routeSettings = publicRouteSettings;
  }

  get url(): string {
    return this.stage.url;
  }
}

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
