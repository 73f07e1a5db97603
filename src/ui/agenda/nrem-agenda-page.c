/* nrem-agenda-page.c
 *
 * The page owns an NremAgendaProgramme for the session's selected meeting and reloads it when
 * the store says sessions, people or meetings changed. The editor shows the "current" session,
 * which the user picks in the list or the timeline; reloads replace the day's model, so the
 * selection is put back after each and never drives the editor while it happens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-agenda-page-private.h"
#include "nrem-agenda-ical.h"
#include "nrem-agenda-print.h"
#include "nrem-agenda-row.h"
#include "nrem-agenda-time.h"
#include "nrem-error.h"
#include "nrem-person-search.h"
#include "nrem-schedule.h"
#include "nrem-store-agenda.h"

#include <glib/gi18n.h>
#include <string.h>

struct _NremAgendaPage
{
  GtkWidget            parent_instance;

  NremSession         *session;
  NremAgendaProgramme *programme;
  char                *current;        /* the session in the editor */
  char                *deleted;        /* the session Undo brings back */
  GStrv                shown_days;
  guint                reload_source;
  guint                clock_source;
  gboolean             updating;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *day_box;
  GtkWidget           *add_button;
  GtkLabel            *day_title;
  GtkLabel            *zone_label;
  GtkToggleButton     *list_button;
  GtkToggleButton     *timeline_button;
  GtkStack            *view_stack;
  GtkListView         *list_view;
  GtkSingleSelection  *selection;
  NremAgendaTimeline  *timeline;
  NremAgendaEditor    *editor;
};

G_DEFINE_FINAL_TYPE (NremAgendaPage, nrem_agenda_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static void
toast (NremAgendaPage *self,
       const char     *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static NremStore *
get_store (NremAgendaPage *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static gboolean
is_read_only (NremAgendaPage *self)
{
  return get_store (self) == NULL || nrem_store_is_read_only (get_store (self));
}

static const char *
meeting_uuid (NremAgendaPage *self)
{
  return self->programme != NULL ? nrem_agenda_programme_get_meeting (self->programme) : NULL;
}

static void
update_actions (NremAgendaPage *self)
{
  gboolean has_meeting = meeting_uuid (self) != NULL;
  gboolean writable = has_meeting && !is_read_only (self);
  gboolean has_current = has_meeting && self->current != NULL &&
                         nrem_agenda_programme_find (self->programme, self->current) != NULL;
  const char * const *days = has_meeting ? nrem_agenda_programme_get_days (self->programme) : NULL;
  const char *day = has_meeting ? nrem_agenda_programme_get_day (self->programme) : NULL;
  guint n_days = days ? g_strv_length ((char **) days) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.duplicate", writable && has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.delete", writable && has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.import", get_store (self) != NULL &&
                                                                      !is_read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-json", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-xml", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-ics", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-person-ics", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.print", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export-pdf", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.previous-day",
                                 n_days > 1 && day != NULL && g_strcmp0 (days[0], day) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.next-day",
                                 n_days > 1 && day != NULL && g_strcmp0 (days[n_days - 1], day) != 0);
}

/* ------------------------------------------------------------------------------------------
 * The days
 */

static void
on_day_toggled_cb (GtkToggleButton *button,
                   NremAgendaPage  *self)
{
  const char *day = g_object_get_data (G_OBJECT (button), "day");

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  nrem_agenda_programme_set_day (self->programme, day);
}

static void
rebuild_day_buttons (NremAgendaPage *self)
{
  const char * const *days = nrem_agenda_programme_get_days (self->programme);
  const NremRow *meeting = nrem_agenda_programme_get_meeting_row (self->programme);
  GtkWidget *child;
  GtkToggleButton *first = NULL;

  if (self->shown_days != NULL && days != NULL &&
      g_strv_equal ((const char * const *) self->shown_days, days))
    return;
  g_strfreev (self->shown_days);
  self->shown_days = g_strdupv ((char **) days);

  while ((child = gtk_widget_get_first_child (self->day_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->day_box), child);
  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      g_autofree char *label = nrem_agenda_day_label_short (days[i]);
      g_autofree char *full = nrem_agenda_day_label_long (days[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);
      gboolean outside = meeting != NULL &&
                         (strcmp (days[i], nrem_row_get (meeting, "start_date")) < 0 ||
                          strcmp (days[i], nrem_row_get (meeting, "end_date")) > 0);

      if (outside)
        {
          g_autofree char *more = g_strdup_printf (_("%s, outside the meeting’s dates"), full);

          g_free (full);
          full = g_steal_pointer (&more);
          gtk_widget_add_css_class (button, "warning");
        }
      gtk_widget_set_tooltip_text (button, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      g_object_set_data_full (G_OBJECT (button), "day", g_strdup (days[i]), g_free);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_day_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (self->day_box), button);
    }
}

static void
sync_day_buttons (NremAgendaPage *self)
{
  const char *day = nrem_agenda_programme_get_day (self->programme);

  self->updating = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (self->day_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                  g_strcmp0 (g_object_get_data (G_OBJECT (child), "day"), day) == 0);
  self->updating = FALSE;
}

static void
update_view (NremAgendaPage *self)
{
  GListModel *sessions = nrem_agenda_programme_get_sessions (self->programme);
  const char *day = nrem_agenda_programme_get_day (self->programme);
  g_autofree char *title = day ? nrem_agenda_day_label_long (day) : g_strdup ("");
  g_autofree char *zone = nrem_agenda_programme_dup_zone_label (self->programme);

  gtk_label_set_label (self->day_title, title);
  /* TRANSLATORS: under the day: "Times in Bangkok time, UTC+07:00" */
  {
    g_autofree char *text = zone[0] ? g_strdup_printf (_("Times in %s"), zone) : g_strdup ("");

    gtk_label_set_label (self->zone_label, text);
  }
  if (g_list_model_get_n_items (sessions) == 0)
    gtk_stack_set_visible_child_name (self->view_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->view_stack,
                                      gtk_toggle_button_get_active (self->timeline_button) ? "timeline" : "list");
  sync_day_buttons (self);
  update_actions (self);
}

/* After the day's model was replaced: select the current session again if it is there. */
static void
restore_selection (NremAgendaPage *self)
{
  int position = self->current ? nrem_agenda_programme_find_position (self->programme, self->current) : -1;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
}

static void
set_current (NremAgendaPage *self,
             const char     *uuid)
{
  NremAgendaSession *session = uuid && self->programme ? nrem_agenda_programme_find (self->programme, uuid) : NULL;

  if (session == NULL)
    uuid = NULL;
  if (g_strcmp0 (self->current, uuid) != 0)
    {
      g_free (self->current);
      self->current = g_strdup (uuid);
    }
  nrem_agenda_editor_set_session (self->editor, session);
  update_actions (self);
}

static void
set_day (NremAgendaPage *self,
         const char     *day)
{
  self->updating = TRUE;
  nrem_agenda_programme_set_day (self->programme, day);
  self->updating = FALSE;
}

static void
on_programme_day_cb (NremAgendaPage *self)
{
  restore_selection (self);
  update_view (self);
}

/* ------------------------------------------------------------------------------------------
 * Reading the programme again
 */

void
nrem_agenda_page_reload (NremAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  NremAgendaSession *current;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->updating = TRUE;
  if (!nrem_agenda_programme_reload (self->programme, &error))
    toast (self, error->message);
  self->updating = FALSE;

  rebuild_day_buttons (self);
  current = self->current ? nrem_agenda_programme_find (self->programme, self->current) : NULL;
  /* a session moved to another day takes the view with it */
  if (current != NULL &&
      g_strcmp0 (nrem_record_get_string (NREM_RECORD (current), "day"),
                 nrem_agenda_programme_get_day (self->programme)) != 0 &&
      g_strv_contains (nrem_agenda_programme_get_days (self->programme),
                       nrem_record_get_string (NREM_RECORD (current), "day")))
    set_day (self, nrem_record_get_string (NREM_RECORD (current), "day"));
  if (current == NULL && self->current != NULL)
    set_current (self, NULL);
  restore_selection (self);
  update_view (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  NremAgendaPage *self = user_data;

  self->reload_source = 0;
  nrem_agenda_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed_cb (NremAgendaPage *self,
                       guint           kind)
{
  if (kind != NREM_ENTITY_SESSION && kind != NREM_ENTITY_PARTICIPANT && kind != NREM_ENTITY_MEETING)
    return;
  /* an import reports every kind at once: read once after them all */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static gboolean
clock_cb (gpointer user_data)
{
  NremAgendaPage *self = user_data;
  g_autoptr(GDateTime) now = nrem_agenda_now ();

  /* now and next move with the clock, while the meeting is on */
  if (nrem_agenda_programme_is_live (self->programme, now, NULL, NULL))
    nrem_agenda_page_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
show_meeting (NremAgendaPage *self)
{
  NremMeeting *meeting = self->session ? nrem_session_get_meeting (self->session) : NULL;
  g_autoptr(GDateTime) now = nrem_agenda_now ();
  g_autofree char *today = NULL;

  nrem_agenda_editor_flush (self->editor);
  set_current (self, NULL);
  self->updating = TRUE;
  nrem_agenda_programme_set_meeting (self->programme,
                                     meeting ? nrem_record_get_uuid (NREM_RECORD (meeting)) : NULL);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, meeting_uuid (self) ? "agenda" : "empty");

  /* during the meeting, open on today */
  if (nrem_agenda_programme_is_live (self->programme, now, &today, NULL))
    set_day (self, today);
  rebuild_day_buttons (self);
  restore_selection (self);
  update_view (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_session_meeting_cb (NremAgendaPage *self)
{
  show_meeting (self);
}

/* ------------------------------------------------------------------------------------------
 * Choosing a session
 */

static void
on_selection_changed_cb (NremAgendaPage *self)
{
  g_autoptr(NremRecord) record = NULL;

  if (self->updating)
    return;
  record = gtk_single_selection_get_selected_item (self->selection)
           ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
  if (record != NULL)
    set_current (self, nrem_record_get_uuid (record));
}

static void
open_editor (NremAgendaPage *self,
             gboolean        focus_title)
{
  if (self->current == NULL)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  if (focus_title)
    nrem_agenda_editor_focus_title (self->editor);
}

static void
on_list_activate_cb (NremAgendaPage *self,
                     guint           position)
{
  g_autoptr(NremRecord) record = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (record == NULL)
    return;
  set_current (self, nrem_record_get_uuid (record));
  restore_selection (self);
  open_editor (self, TRUE);
}

static void
on_timeline_activate_cb (NremAgendaPage *self,
                         guint           position)
{
  on_list_activate_cb (self, position);
}

static void
on_view_toggled_cb (NremAgendaPage *self)
{
  update_view (self);
}

static void
on_folded_cb (NremAgendaPage *self)
{
  nrem_agenda_editor_set_folded (self->editor, adw_leaflet_get_folded (self->leaflet));
}

/**
 * nrem_agenda_page_show_session:
 *
 * Shows the day of a session, selects it and opens it in the editor.
 */
void
nrem_agenda_page_show_session (NremAgendaPage *self,
                               const char     *uuid)
{
  NremAgendaSession *session = nrem_agenda_programme_find (self->programme, uuid);

  if (session == NULL)
    return;
  set_day (self, nrem_record_get_string (NREM_RECORD (session), "day"));
  set_current (self, uuid);
  restore_selection (self);
  update_view (self);
  {
    int position = nrem_agenda_programme_find_position (self->programme, uuid);

    if (position >= 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);
  }
}

/* ------------------------------------------------------------------------------------------
 * Building
 */

char *
nrem_agenda_page_add_session (NremAgendaPage *self)
{
  const char *fields[] = { "meeting", "day", "start_time", "end_time", "title", "kind", NULL };
  const char *values[G_N_ELEMENTS (fields)] = { NULL };
  const char *day = nrem_agenda_programme_get_day (self->programme);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;
  char *uuid;

  if (meeting_uuid (self) == NULL || is_read_only (self))
    return NULL;
  nrem_agenda_editor_flush (self->editor);
  if (day == NULL)
    day = nrem_row_get (nrem_agenda_programme_get_meeting_row (self->programme), "start_date");
  start = nrem_agenda_programme_suggest_slot (self->programme, day, &end);
  values[0] = meeting_uuid (self);
  values[1] = day;
  values[2] = start;
  values[3] = end;
  values[4] = _("New session");
  values[5] = "plenary";
  uuid = nrem_store_create (get_store (self), NREM_ENTITY_SESSION, NULL, fields, values, &error);
  if (uuid == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The session was not added: %s"), error->message);

      toast (self, message);
      return NULL;
    }
  nrem_agenda_page_reload (self);
  nrem_agenda_page_show_session (self, uuid);
  return uuid;
}

static void
add_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  g_autofree char *uuid = nrem_agenda_page_add_session (self);

  if (uuid != NULL)
    open_editor (self, TRUE);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  static const char * const copied[] = { "meeting", "day", "start_time", "end_time", "kind",
                                         "description", "room", "chair", "rapporteur", "speakers" };
  NremAgendaSession *session = nrem_agenda_programme_find (self->programme, self->current);
  const char *fields[G_N_ELEMENTS (copied) + 2] = { NULL };
  const char *values[G_N_ELEMENTS (copied) + 2] = { NULL };
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;

  if (session == NULL || is_read_only (self))
    return;
  nrem_agenda_editor_flush (self->editor);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      fields[i] = copied[i];
      values[i] = nrem_record_get_string (NREM_RECORD (session), copied[i]);
    }
  /* TRANSLATORS: the title of a duplicated session */
  title = g_strdup_printf (_("%s (copy)"), nrem_record_get_string (NREM_RECORD (session), "title"));
  fields[G_N_ELEMENTS (copied)] = "title";
  values[G_N_ELEMENTS (copied)] = title;
  /* the minutes stay with the session they record */
  uuid = nrem_store_create (get_store (self), NREM_ENTITY_SESSION, NULL, fields, values, &error);
  if (uuid == NULL)
    {
      toast (self, error->message);
      return;
    }
  nrem_agenda_page_reload (self);
  nrem_agenda_page_show_session (self, uuid);
  open_editor (self, TRUE);
}

static void
on_undo_clicked_cb (NremAgendaPage *self)
{
  nrem_agenda_page_undo_delete (self);
}

gboolean
nrem_agenda_page_undo_delete (NremAgendaPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_steal_pointer (&self->deleted);

  if (uuid == NULL || get_store (self) == NULL)
    return FALSE;
  if (!nrem_store_undelete (get_store (self), NREM_ENTITY_SESSION, uuid, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  nrem_agenda_page_reload (self);
  nrem_agenda_page_show_session (self, uuid);
  return TRUE;
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  NremAgendaSession *session = nrem_agenda_programme_find (self->programme, self->current);
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *t;
  int position;

  if (session == NULL || is_read_only (self))
    return;
  nrem_agenda_editor_flush (self->editor);
  uuid = g_strdup (self->current);
  title = g_strdup_printf (_("“%s” deleted"), nrem_record_get_string (NREM_RECORD (session), "title"));
  position = nrem_agenda_programme_find_position (self->programme, uuid);
  if (!nrem_store_delete (get_store (self), NREM_ENTITY_SESSION, uuid, &error))
    {
      toast (self, error->message);
      return;
    }
  g_free (self->deleted);
  self->deleted = g_strdup (uuid);
  set_current (self, NULL);
  nrem_agenda_page_reload (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* the focus goes to the next session of the day, or the one before */
  {
    guint n = g_list_model_get_n_items (nrem_agenda_programme_get_sessions (self->programme));

    if (n > 0 && position >= 0)
      {
        g_autoptr(NremRecord) next = g_list_model_get_item (nrem_agenda_programme_get_sessions (self->programme),
                                                           MIN ((guint) position, n - 1));

        set_current (self, nrem_record_get_uuid (next));
        restore_selection (self);
      }
  }

  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_timeout (t, 10);
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
back_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);

  nrem_agenda_editor_flush (self->editor);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
step_day (NremAgendaPage *self,
          int             step)
{
  const char * const *days = nrem_agenda_programme_get_days (self->programme);
  const char *day = nrem_agenda_programme_get_day (self->programme);
  guint n = g_strv_length ((char **) days);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (days[i], day) == 0 && (int) i + step >= 0 && (int) i + step < (int) n)
      {
        nrem_agenda_programme_set_day (self->programme, days[(int) i + step]);
        return;
      }
}

static void
previous_day_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  step_day (NREM_AGENDA_PAGE (widget), -1);
}

static void
next_day_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  step_day (NREM_AGENDA_PAGE (widget), 1);
}

static void
toggle_view_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);

  if (gtk_toggle_button_get_active (self->timeline_button))
    gtk_toggle_button_set_active (self->list_button, TRUE);
  else
    gtk_toggle_button_set_active (self->timeline_button, TRUE);
}

/* ------------------------------------------------------------------------------------------
 * In and out
 */

static char *
suggested_name (NremAgendaPage *self,
                const char     *suffix)
{
  const NremRow *meeting = nrem_agenda_programme_get_meeting_row (self->programme);
  g_autofree char *acronym = nrem_schedule_acronym (nrem_row_get (meeting, "short_title"),
                                                    nrem_row_get (meeting, "title"));

  return g_strconcat (acronym, suffix, NULL);
}

typedef void (*SaveFunc) (NremAgendaPage *self,
                          const char     *path,
                          gpointer        data);

typedef struct
{
  NremAgendaPage *self;
  SaveFunc        func;
  char           *data;
} SaveCall;

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SaveCall        *call)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        call->func (call->self, path, call->data);
    }
  g_object_unref (call->self);
  g_free (call->data);
  g_free (call);
  g_object_unref (dialog);
}

static void
ask_save_path (NremAgendaPage *self,
               const char     *title,
               const char     *name,
               SaveFunc        func,
               const char     *data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  SaveCall *call = g_new0 (SaveCall, 1);

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  call->self = g_object_ref (self);
  call->func = func;
  call->data = g_strdup (data);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), call);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
saved (NremAgendaPage *self,
       const char     *path,
       GError         *error)
{
  if (error != NULL)
    toast (self, error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);

      toast (self, message);
    }
}

static void
write_schedule (NremAgendaPage *self,
                const char     *path,
                gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = NULL;
  NremScheduleFormat format;

  /* the format chosen in the menu, whatever the name typed */
  if (!nrem_schedule_format_for_path (path, &format))
    target = g_strconcat (path, g_strcmp0 (data, "xml") == 0 ? ".xml" : ".json", NULL);
  else
    target = g_strdup (path);
  nrem_schedule_export_to_file (get_store (self), meeting_uuid (self), target, skipped, &error);
  if (error == NULL && skipped->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Saved; %u session without a start time is not in it",
                                                            "Saved; %u sessions without a start time are not in it",
                                                            skipped->len), skipped->len);

      toast (self, message);
      return;
    }
  saved (self, target, error);
}

static void
write_ics (NremAgendaPage *self,
           const char     *path,
           gpointer        participant)
{
  g_autoptr(GError) error = NULL;

  nrem_agenda_ical_export_to_file (get_store (self), meeting_uuid (self), participant, path, &error);
  saved (self, path, error);
}

static void
write_pdf (NremAgendaPage *self,
           const char     *path,
           gpointer        data)
{
  g_autoptr(GError) error = NULL;

  nrem_agenda_print_pdf (get_store (self), meeting_uuid (self), path, &error);
  saved (self, path, error);
}

static void
export_json_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  g_autofree char *name = suggested_name (self, ".schedule.json");

  ask_save_path (self, _("Export Schedule as JSON"), name, write_schedule, "json");
}

static void
export_xml_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  g_autofree char *name = suggested_name (self, ".schedule.xml");

  ask_save_path (self, _("Export Schedule as XML"), name, write_schedule, "xml");
}

static void
export_ics_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  g_autofree char *name = suggested_name (self, ".ics");

  ask_save_path (self, _("Export Calendar"), name, write_ics, NULL);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  g_autofree char *name = suggested_name (self, "-programme.pdf");

  ask_save_path (self, _("Export Programme as PDF"), name, write_pdf, NULL);
}

static void
on_person_for_ics_cb (NremAgendaPage *self,
                      const char     *uuid,
                      const char     *name,
                      GtkWidget      *search)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (search, ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  g_autofree char *slug = g_strdelimit (g_ascii_strdown (ascii, -1), " .,'’/\\", '-');
  g_autofree char *suffix = g_strdup_printf ("-%s.ics", slug);
  g_autofree char *file_name = suggested_name (self, suffix);
  g_autofree char *title = g_strdup_printf (_("Export the Calendar of %s"), name);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  ask_save_path (self, title, file_name, write_ics, uuid);
}

static void
export_person_ics_activated (GtkWidget  *widget,
                             const char *action,
                             GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *search = nrem_person_search_new ();

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export a Delegate’s Calendar"),
                                   _("The calendar holds the sessions the person chairs or speaks in. Choose the person."));
  nrem_person_search_set_store (NREM_PERSON_SEARCH (search), get_store (self));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), search);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (search, "person-chosen", G_CALLBACK (on_person_for_ics_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  nrem_person_search_focus (NREM_PERSON_SEARCH (search));
}

/* Import runs on a worker with its own connection; the window stays responsive. */
typedef struct
{
  char               *db_path;
  char               *path;
  NremScheduleReport  report;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  nrem_schedule_report_clear (&job->report);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(NremStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nrem_store_open (job->db_path, &error);
  if (store == NULL ||
      !nrem_schedule_import_file (store, job->path, TRUE, &job->report, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.import", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Schedule Was Not Imported"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (self->session == NULL)
    return;
  /* the worker wrote through its own connection: read everything again */
  nrem_session_reload (self->session);
  nrem_session_select_meeting_uuid (self->session, job->report.meeting_uuid);
  nrem_agenda_page_reload (self);

  summary = nrem_schedule_report_format (&job->report);
  if (job->report.skipped->len > 0 || job->report.notes->len > 0)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Schedule Imported"), summary);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Schedule imported: %u sessions added, %u updated"),
                                                  job->report.sessions_added, job->report.sessions_updated);

      toast (self, message);
    }
}

static void
on_import_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       NremAgendaPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GTask) task = g_task_new (self, NULL, import_done_cb, NULL);
      ImportJob *job = g_new0 (ImportJob, 1);

      job->db_path = g_strdup (nrem_store_get_path (get_store (self)));
      job->path = g_file_get_path (file);
      g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.import", FALSE);
      nrem_agenda_editor_flush (self->editor);
      toast (self, _("Importing the schedule…"));
      g_task_run_in_thread (task, import_thread);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import a Schedule"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Schedules (frab, pretalx: JSON or XML)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   NremDocument      *doc)
{
  guint pages = nrem_document_paginate (doc, gtk_print_context_get_cairo_context (context),
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) MAX (pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 NremDocument      *doc)
{
  nrem_document_render_page (doc, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  NremDocument *doc = nrem_agenda_print_document (get_store (self), meeting_uuid (self), &error);

  if (doc == NULL)
    {
      toast (self, error->message);
      return;
    }
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Programme"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  g_object_set_data_full (G_OBJECT (operation), "document", doc, (GDestroyNotify) nrem_document_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_agenda_page_dispose (GObject *object)
{
  NremAgendaPage *self = (NremAgendaPage *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->editor != NULL)
    nrem_agenda_editor_flush (self->editor);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_AGENDA_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->programme);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->deleted, g_free);
  g_clear_pointer (&self->shown_days, g_strfreev);
  G_OBJECT_CLASS (nrem_agenda_page_parent_class)->dispose (object);
}

static void
nrem_agenda_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NremAgendaPage *self = NREM_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_agenda_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_page_class_init (NremAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_agenda_page_dispose;
  object_class->get_property = nrem_agenda_page_get_property;
  object_class->set_property = nrem_agenda_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NREM_TYPE_AGENDA_ROW);
  g_type_ensure (NREM_TYPE_AGENDA_TIMELINE);
  g_type_ensure (NREM_TYPE_AGENDA_EDITOR);
  g_type_ensure (NREM_TYPE_AGENDA_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/agenda/nrem-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, day_box);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, zone_label);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, selection);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, NremAgendaPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);

  gtk_widget_class_install_action (widget_class, "agenda.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agenda.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "agenda.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "agenda.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "agenda.previous-day", NULL, previous_day_activated);
  gtk_widget_class_install_action (widget_class, "agenda.next-day", NULL, next_day_activated);
  gtk_widget_class_install_action (widget_class, "agenda.toggle-view", NULL, toggle_view_activated);
  gtk_widget_class_install_action (widget_class, "agenda.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-json", NULL, export_json_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-xml", NULL, export_xml_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-person-ics", NULL, export_person_ics_activated);
  gtk_widget_class_install_action (widget_class, "agenda.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "agenda.export-pdf", NULL, export_pdf_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "agenda.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "agenda.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "agenda.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "agenda.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "agenda.toggle-view", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "agenda.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "agenda.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
load_css (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/nremdesk/NremDesk/agenda/nrem-agenda.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
nrem_agenda_page_init (NremAgendaPage *self)
{
  GtkEventController *shortcuts;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "activate", G_CALLBACK (on_timeline_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);

  /* Delete removes the session chosen in the list or the timeline, not text in an entry */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("agenda.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("agenda.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), shortcuts);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  on_folded_cb (self);
  self->clock_source = g_timeout_add_seconds (60, clock_cb, self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_agenda_page_new (void)
{
  return g_object_new (NREM_TYPE_AGENDA_PAGE, NULL);
}

NremSession *
nrem_agenda_page_get_session (NremAgendaPage *self)
{
  g_return_val_if_fail (NREM_IS_AGENDA_PAGE (self), NULL);
  return self->session;
}

void
nrem_agenda_page_set_session (NremAgendaPage *self,
                              NremSession    *session)
{
  g_return_if_fail (NREM_IS_AGENDA_PAGE (self));
  g_return_if_fail (session == NULL || NREM_IS_SESSION (session));

  if (self->session == session)
    return;
  nrem_agenda_editor_flush (self->editor);
  set_current (self, NULL);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);
  nrem_agenda_editor_set_programme (self->editor, NULL);
  nrem_agenda_timeline_set_programme (self->timeline, NULL, NULL);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->programme);

  if (session != NULL)
    {
      self->programme = nrem_agenda_programme_new (nrem_session_get_store (session));
      g_signal_connect_object (self->programme, "notify::day", G_CALLBACK (on_programme_day_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, nrem_agenda_programme_get_sessions (self->programme));
      nrem_agenda_timeline_set_programme (self->timeline, self->programme, self->selection);
      nrem_agenda_editor_set_programme (self->editor, self->programme);
      g_signal_connect_object (session, "notify::meeting", G_CALLBACK (on_session_meeting_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self,
                               G_CONNECT_SWAPPED);
      show_meeting (self);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

NremAgendaProgramme *
nrem_agenda_page_get_programme (NremAgendaPage *self)
{
  return self->programme;
}

void
nrem_agenda_page_flush (NremAgendaPage *self)
{
  nrem_agenda_editor_flush (self->editor);
}

NremAgendaEditor *
nrem_agenda_page_get_editor (NremAgendaPage *self)
{
  return self->editor;
}

NremAgendaTimeline *
nrem_agenda_page_get_timeline (NremAgendaPage *self)
{
  return self->timeline;
}

GtkListView *
nrem_agenda_page_get_list_view (NremAgendaPage *self)
{
  return self->list_view;
}

GtkSingleSelection *
nrem_agenda_page_get_selection (NremAgendaPage *self)
{
  return self->selection;
}

GtkWidget *
nrem_agenda_page_get_day_box (NremAgendaPage *self)
{
  return self->day_box;
}

const char *
nrem_agenda_page_get_view (NremAgendaPage *self)
{
  return gtk_stack_get_visible_child_name (self->view_stack);
}

const char *
nrem_agenda_page_get_zone_text (NremAgendaPage *self)
{
  return gtk_label_get_label (self->zone_label);
}

const char *
nrem_agenda_page_get_current (NremAgendaPage *self)
{
  return self->current;
}
