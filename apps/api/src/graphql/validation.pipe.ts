import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldProblem } from '@app/common';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator on every input; failures answer BAD_USER_INPUT naming each field. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  stopAtFirstError: false,
  exceptionFactory: (errors) => AppError.badInput(flatten(errors)),
});
