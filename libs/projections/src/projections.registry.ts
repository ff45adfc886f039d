import { FunnelProjection } from './funnel/funnel.projection';
import { Projection } from './projection';
import { ShowroomProjection } from './showroom/showroom.projection';
import { TierProjection } from './tiers/tier.projection';
import { TouchesProjection } from './touches/touches.projection';
import { WarningsProjection } from './warnings/warnings.projection';

/** Every projection the read side runs, by name. */
export function defaultProjections(): Projection[] {
  return [new FunnelProjection(), new TierProjection(), new ShowroomProjection(), new TouchesProjection(), new WarningsProjection()];
}
