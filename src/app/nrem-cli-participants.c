/* nrem-cli-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"

const NremCliVerb nrem_cli_participants_verbs[] = {
  { NULL }
};
