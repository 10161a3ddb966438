import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowResponse } from './dto/workflow.response';
import { NegotiationWriter } from './negotiation-writer';
import { describeWorkflow, NEGOTIATION_MACHINE_VERSION, type WorkflowDescription } from './workflow';

@ApiTags('negotiations')
@ApiBearerAuth()
@Controller('api/v1/workflow')
export class WorkflowController {
  constructor(private readonly writer: NegotiationWriter) {}

  @Get()
  @ApiOperation({
    summary: 'The workflow as data: states, events, guards with their articles, rule-set numbers',
  })
  @ApiOkResponse({
    description: 'the machine under the rule set new negotiations use',
    type: WorkflowResponse,
  })
  describe(): WorkflowDescription & { machineVersion: number } {
    return { ...describeWorkflow(this.writer.currentRuleSet), machineVersion: NEGOTIATION_MACHINE_VERSION };
  }
}
