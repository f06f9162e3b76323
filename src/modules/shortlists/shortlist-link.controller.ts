import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiConsumes,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../infra/auth/access.decorator';
import { AuthenticatedRequest } from '../../infra/auth/current-actor.decorator';
import { DomainException } from '../../infra/http/domain.exception';
import { flattenValidationErrors, RequestValidationException } from '../../infra/http/validation';
import { EmployerShortlistViewDto } from './dto/employer-shortlist-view.dto';
import { EmployerAnswerDto } from './dto/shortlist.dto';
import {
  ANSWER_FORM_FIELDS,
  renderShortlistMessage,
  renderShortlistPage,
  renderShortlistPdf,
} from './employer-page';
import { EmployerShortlistView } from './employer-shortlist-view';
import {
  EmployerAccess,
  EmployerShortlistsService,
  ShortlistClosedError,
} from './employer-shortlists.service';
import { sendHtml, sendPdf } from './shortlist-http';

const ApiSeeOtherResponse = () =>
  ApiResponse({ status: 303, description: 'Answer received: back to the page with a notice' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A shortlist opened with its link, no account: the employer's web page (plain HTML forms, no
 * script), its PDF, and the same as JSON. An expired, revoked or unknown link gets a Dutch
 * message and no data. The token never reaches a log (see the logging module).
 */
@ApiTags('shortlist links')
@Public()
@Controller()
export class ShortlistLinkController {
  constructor(private readonly shortlists: EmployerShortlistsService) {}

  @Get('s/:token')
  @ApiOperation({ summary: "The employer's web page of the shortlist (Dutch HTML, no script)" })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page' })
  @ApiGoneResponse({ description: 'A page with a message and no data: revoked, expired, closed' })
  async page(
    @Param('token') token: string,
    @Query('beantwoord') answered: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.html(res, async () => {
      const view = await this.shortlists.view(await this.access(token, req), 'html');
      const entry = view.candidates.find((c) => c.entryId === answered);
      return renderShortlistPage(view, {
        actionBase: `/s/${token}`,
        notice: entry
          ? {
              kind: 'success',
              text: `Dank u. Uw antwoord over ${entry.label} is ontvangen; uw accountmanager neemt contact met u op.`,
            }
          : null,
      });
    });
  }

  @Get('s/:token/pdf')
  @ApiOperation({ summary: 'The printable PDF of the shortlist' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async pdf(
    @Param('token') token: string,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const view = await this.shortlists.view(await this.access(token, req), 'pdf');
      sendPdf(res, await renderShortlistPdf(view));
    } catch (error) {
      if (!(error instanceof ShortlistClosedError)) throw error;
      sendHtml(res, error.status, renderShortlistMessage(error.title, error.message));
    }
  }

  @Post('s/:token/kandidaten/:entryId/antwoord')
  @ApiOperation({
    summary:
      "The page's answer form (application/x-www-form-urlencoded: kind, interviewAt, reason, text); 303 back to the page, or the page with the problems (400)",
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  @ApiSeeOtherResponse()
  async answerForm(
    @Param('token') token: string,
    @Param('entryId') entryId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    let access: EmployerAccess;
    try {
      access = await this.access(token, req);
    } catch (error) {
      if (!(error instanceof ShortlistClosedError)) throw error;
      sendHtml(res, error.status, renderShortlistMessage(error.title, error.message));
      return;
    }
    const values = formValues(body);
    const dto = plainToInstance(EmployerAnswerDto, values);
    const problems = UUID.test(entryId) ? flattenValidationErrors(await validate(dto)) : [];
    try {
      if (problems.length > 0) throw new RequestValidationException(problems);
      const view = await this.shortlists.answer(access, entryId, dto);
      const position = view.candidates.findIndex((c) => c.entryId === entryId) + 1;
      res.redirect(303, `/s/${token}?beantwoord=${entryId}#kandidaat-${position}`);
    } catch (error) {
      if (!(error instanceof RequestValidationException || error instanceof DomainException))
        throw error;
      const errors: Record<string, string> = {};
      if (error instanceof RequestValidationException) {
        for (const problem of error.fieldErrors) {
          errors[`${entryId}.${problem.field}`] = dutchProblem(problem.field);
        }
      } else {
        errors[entryId] = error.message;
      }
      const view = await this.shortlists.view(access, 'html');
      sendHtml(
        res,
        error instanceof RequestValidationException
          ? 400
          : error instanceof ShortlistClosedError
            ? error.status
            : 409,
        renderShortlistPage(view, {
          actionBase: `/s/${token}`,
          errors,
          values: { [entryId]: values },
          notice: {
            kind: 'error',
            text: 'Uw antwoord is nog niet verstuurd: kijk hieronder wat er ontbreekt.',
          },
        }),
      );
    }
  }

  @Get('shortlist-links/:token')
  @ApiOperation({
    summary: 'The shortlist a link opens, as JSON, pseudonymised (every view is logged)',
  })
  @ApiOkResponse({ type: EmployerShortlistViewDto })
  @ApiNotFoundResponse({ description: 'No such link' })
  @ApiGoneResponse({ description: 'Revoked, expired or closed: a message, no data' })
  async json(
    @Param('token') token: string,
    @Req() req: AuthenticatedRequest,
  ): Promise<EmployerShortlistView> {
    return this.shortlists.view(await this.access(token, req), 'json');
  }

  @Post('shortlist-links/:token/entries/:entryId/answers')
  @ApiOperation({ summary: 'Answer on one candidate through the link (JSON)' })
  @ApiCreatedResponse({ type: EmployerShortlistViewDto })
  async answer(
    @Param('token') token: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Body() dto: EmployerAnswerDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<EmployerShortlistView> {
    return this.shortlists.answer(await this.access(token, req), entryId, dto);
  }

  private access(token: string, req: AuthenticatedRequest) {
    return this.shortlists.byToken(token, String(req.id ?? ''));
  }

  private async html(res: Response, render: () => Promise<string>): Promise<void> {
    try {
      sendHtml(res, 200, await render());
    } catch (error) {
      if (!(error instanceof ShortlistClosedError)) throw error;
      sendHtml(res, error.status, renderShortlistMessage(error.title, error.message));
    }
  }
}

/** The posted form as the answer DTO reads it: empty fields are fields not filled in. */
function formValues(
  body: Request['body'],
): Partial<Record<(typeof ANSWER_FORM_FIELDS)[number], string>> {
  const values: Partial<Record<(typeof ANSWER_FORM_FIELDS)[number], string>> = {};
  for (const field of ANSWER_FORM_FIELDS) {
    const value = (body as Record<string, unknown> | undefined)?.[field];
    if (typeof value === 'string' && value.trim() !== '') values[field] = value;
  }
  return values;
}

const FIELD_PROBLEMS: Record<string, string> = {
  kind: 'Kies wat u wilt doen: uitnodigen, een vraag stellen of niet geschikt.',
  interviewAt: 'Kies een datum en tijd in de toekomst voor het gesprek.',
  reason: 'Kies een reden uit de lijst.',
  text: 'Schrijf uw vraag of een korte toelichting.',
};

function dutchProblem(field: string): string {
  return FIELD_PROBLEMS[field] ?? 'Dit veld is niet goed ingevuld.';
}
