/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nrem-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NremApplication) app = NULL;

  /* the command line speaks the user's language too, before GTK is set up */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = nrem_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
