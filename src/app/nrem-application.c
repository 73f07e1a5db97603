/* nrem-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-application"

#include "config.h"

#include "nrem-application.h"
#include "nrem-cli.h"
#include "nrem-error.h"
#include "nrem-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

struct _NremApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  NremSession    *session;
  char           *startup_error;
};

G_DEFINE_FINAL_TYPE (NremApplication, nrem_application, ADW_TYPE_APPLICATION)

struct _NremCli
{
  GVariantDict *options;
  const char   *db_path;
};

static const NremCliVerb * const verb_tables[] = {
  nrem_cli_exchange_verbs,
  nrem_cli_participants_verbs,
  nrem_cli_agenda_verbs,
  nrem_cli_mandates_verbs,
  nrem_cli_recommendations_verbs,
};

static const char * const modifier_names[] = {
#define X(name, arg, desc, arg_desc) name,
  NREM_CLI_MODIFIERS
#undef X
  NULL
};

const char *
nrem_cli_get_db_path (NremCli *cli)
{
  return cli->db_path;
}

const char *
nrem_cli_get_string (NremCli    *cli,
                     const char *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (cli->options, name, "&s", &value) &&
      !g_variant_dict_lookup (cli->options, name, "^&ay", &value))
    return NULL;
  return value;
}

gboolean
nrem_cli_get_flag (NremCli    *cli,
                   const char *name)
{
  return g_variant_dict_contains (cli->options, name);
}

NremSession *
nrem_cli_open_session (NremCli  *cli,
                       GError  **error)
{
  return nrem_session_new (cli->db_path, error);
}

/**
 * nrem_cli_dup_meeting_uuid:
 *
 * The meeting of --meeting, or the latest meeting.
 */
char *
nrem_cli_dup_meeting_uuid (NremCli      *cli,
                           NremSession  *session,
                           GError      **error)
{
  const char *uuid = nrem_cli_get_string (cli, "meeting");
  char *latest;

  if (uuid != NULL)
    {
      if (nrem_session_find_meeting (session, uuid) == NULL)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                       _("There is no meeting with the uuid %s."), uuid);
          return NULL;
        }
      return g_strdup (uuid);
    }
  latest = nrem_store_latest_meeting (nrem_session_get_store (session));
  if (latest == NULL)
    g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND, _("The database holds no meeting."));
  return latest;
}

int
nrem_cli_fail (GError *error)
{
  g_printerr ("nrem-desk: %s\n", error->message);
  return error->domain == NREM_ERROR && error->code == NREM_ERROR_INVALID_FILE ? 3 : 2;
}

static const char *
lookup_string (GVariantDict *options,
               const char   *key)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, key, "&s", &value) &&
      !g_variant_dict_lookup (options, key, "^&ay", &value))
    return NULL;
  return value;
}

static int
nrem_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  NremApplication *self = NREM_APPLICATION (app);
  const NremCliVerb *verb = NULL;
  const char *verb_file = NULL;
  const char *db = lookup_string (options, "db");
  NremCli cli;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nrem-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (db != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
      /* another database is another instance */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  for (guint t = 0; t < G_N_ELEMENTS (verb_tables); t++)
    for (const NremCliVerb *v = verb_tables[t]; v->run != NULL; v++)
      {
        const char *file = lookup_string (options, v->long_name);

        if (file == NULL)
          continue;
        if (verb != NULL)
          {
            g_printerr ("nrem-desk: %s\n", _("Give one command (--export-json, --import-json, …) at a time."));
            return 1;
          }
        verb = v;
        verb_file = file;
      }

  /* a modifier without a verb that takes it is a mistake, said plainly */
  for (guint m = 0; modifier_names[m] != NULL; m++)
    if (g_variant_dict_contains (options, modifier_names[m]) &&
        (verb == NULL || verb->modifiers == NULL ||
         !g_strv_contains (verb->modifiers, modifier_names[m])))
      {
        if (verb != NULL)
          g_printerr (_("nrem-desk: --%s does not go with --%s.\n"), modifier_names[m], verb->long_name);
        else
          g_printerr (_("nrem-desk: --%s goes with a command such as --export-json.\n"), modifier_names[m]);
        return 1;
      }

  if (verb != NULL)
    {
      cli.options = options;
      cli.db_path = self->db_path;
      return verb->run (&cli, verb_file);
    }

  return G_APPLICATION_CLASS (nrem_application_parent_class)->handle_local_options (app, options);
}

static void
nrem_application_activate (GApplication *app)
{
  NremApplication *self = NREM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (nrem_window_new (self, self->session));
  gtk_window_present (window);
}

static void
nrem_application_startup (GApplication *app)
{
  NremApplication *self = NREM_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (nrem_application_parent_class)->startup (app);

  self->session = nrem_session_new (self->db_path, &error);
  if (self->session == NULL)
    {
      /* The window says what went wrong and offers nothing it cannot do. */
      self->startup_error = g_strdup (error->message);
      g_warning ("%s", error->message);
    }
}

static void
nrem_application_finalize (GObject *object)
{
  NremApplication *self = (NremApplication *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->startup_error, g_free);

  G_OBJECT_CLASS (nrem_application_parent_class)->finalize (object);
}

static void
nrem_application_class_init (NremApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nrem_application_finalize;
  app_class->handle_local_options = nrem_application_handle_local_options;
  app_class->activate = nrem_application_activate;
  app_class->startup = nrem_application_startup;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "NREM Desk developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("NREM Desk"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("NREM Desk developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare and follow the consultations of national rapporteurs "
                                       "on trafficking in persons and equivalent mechanisms: "
                                       "participants, agenda, mandates and recommendations, offline."),
                         "website", "https://github.com/nremdesk/nrem-desk",
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
nrem_application_init (NremApplication *self)
{
  static const GOptionEntry base_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
#define X(name, arg, desc, arg_desc) { name, 0, 0, arg, NULL, desc, arg_desc },
    NREM_CLI_MODIFIERS
#undef X
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  /* descriptions are translated here: GApplication does not know the text domain */
  for (guint i = 0; i < G_N_ELEMENTS (base_entries); i++)
    {
      GOptionEntry e = base_entries[i];

      e.description = _(e.description);
      e.arg_description = e.arg_description ? _(e.arg_description) : NULL;
      g_array_append_val (entries, e);
    }
  for (guint t = 0; t < G_N_ELEMENTS (verb_tables); t++)
    for (const NremCliVerb *v = verb_tables[t]; v->run != NULL; v++)
      {
        GOptionEntry e = { v->long_name, 0, 0, G_OPTION_ARG_FILENAME, NULL,
                           _(v->description), _(v->arg_description) };

        g_array_append_val (entries, e);
      }
  g_application_add_main_option_entries (G_APPLICATION (self), (GOptionEntry *) entries->data);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Without a command, opens the window. A command (--export-json, --import-json, …) runs\n"
      "without a display and exits: 0 on success, 1 for wrong options, 2 on an error of the\n"
      "database or the file system, 3 when a file is not valid."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

NremApplication *
nrem_application_new (void)
{
  return g_object_new (NREM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/nremdesk/NremDesk",
                       NULL);
}

NremSession *
nrem_application_get_session (NremApplication *self)
{
  return self->session;
}

const char *
nrem_application_get_startup_error (NremApplication *self)
{
  return self->startup_error;
}
