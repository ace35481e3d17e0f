import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, ApplicationLogLevel, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lambdaBundling } from './bundling';
import type { DataTable } from './data';

export type TableAccess = 'read' | 'readWrite' | 'none';

const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface RapportFunctionProps {
  /** Entry file relative to the project root. */
  entry: string;
  description: string;
  table: DataTable;
  tableAccess: TableAccess;
  environment: Record<string, string>;
  timeout?: Duration;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A Lambda as Rapport runs them: Node.js 22 on arm64, bundled by esbuild, JSON logs in its own log
 * group, and a role of its own that may only write that log group and touch the table as declared.
 */
export class RapportFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RapportFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.logGroup = logGroup;
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.role.addToPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    if (props.tableAccess !== 'none') {
      this.role.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: props.tableAccess === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS],
          resources: props.table.resourceArns,
        }),
      );
    }

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      // INFO keeps each invocation's REPORT line (duration, memory, cold start); WARN would drop it.
      systemLogLevelV2: SystemLogLevel.INFO,
      bundling: lambdaBundling,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        TABLE_NAME: props.table.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'rapport',
        ...props.environment,
      },
    });
  }
}
