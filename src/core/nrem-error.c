/* nrem-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-error.h"

G_DEFINE_QUARK (nrem-error-quark, nrem_error)
