// The shared traject schemas the traject screen validates with, in one import.
import { LongText } from '../../../shared/casework/common.schema';

export {
  AfsluitReden,
  GegevenDoor,
  JournaalSoort,
  Opvang,
  OpvangSoort,
  Procedure,
  ProcedureSoort,
  ProcedureStatus,
  ToestemmingDoel,
  ToestemmingFields,
  trajectFieldSensitivity,
  type Fase,
  type TrajectDetail,
} from '../../../shared/casework/traject.schema';

/** A journal text: the contract's LongText that must not be empty. */
export const LongTextRequired = LongText.min(1);
