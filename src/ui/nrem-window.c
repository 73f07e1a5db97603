/* nrem-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-window"

#include "config.h"

#include "nrem-window-private.h"
#include "nrem-pane-slot.h"
#include "overview/nrem-overview-page.h"
#include "participants/nrem-participants-page.h"
#include "agenda/nrem-agenda-page.h"
#include "mandates/nrem-mandates-page.h"
#include "recommendations/nrem-recommendations-page.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (NremWindow, nrem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static gboolean
is_writable (NremWindow *self)
{
  return self->session != NULL && !nrem_store_is_read_only (nrem_session_get_store (self->session));
}

void
nrem_window_update_actions (NremWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = is_writable (self);
  gboolean idle = !self->busy;

  gtk_widget_action_set_enabled (widget, "win.new-meeting", writable);
  gtk_widget_action_set_enabled (widget, "win.import", writable && idle);
  gtk_widget_action_set_enabled (widget, "win.load-sample", writable && idle);
  gtk_widget_action_set_enabled (widget, "win.export", self->session != NULL && idle);
  gtk_widget_action_set_enabled (widget, "win.conflicts",
                                 self->session != NULL && self->n_conflicts > 0);
}

void
nrem_window_add_toast (NremWindow *self,
                       AdwToast   *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * nrem_window_show_toast:
 * @title: plain text (not markup)
 */
void
nrem_window_show_toast (NremWindow *self,
                        const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  nrem_window_add_toast (self, adw_toast_new (escaped));
}

/* Panes take the session through their "session" property: a new pane in the stack needs no
 * code here. A pane gets it when it is first shown, so that start-up loads only what the first
 * page needs; a large directory or matrix is read when the user goes to it. */
static void
give_session_to_visible_pane (NremWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  g_autoptr(NremSession) current = NULL;

  if (child == NULL || self->session == NULL ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (child), "session") == NULL)
    return;
  g_object_get (child, "session", &current, NULL);
  if (current == NULL)
    g_object_set (child, "session", self->session, NULL);
}

static void
on_view_stack_visible_child_cb (NremWindow   *self,
                                GParamSpec   *pspec,
                                AdwViewStack *stack)
{
  give_session_to_visible_pane (self);
}

static void
show_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NremWindow *self = NREM_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
update_switcher_bar (NremWindow *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  /* one pane needs no switcher; with more, narrow windows show them at the bottom */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    n > 1 && adw_view_switcher_title_get_title_visible (self->switcher_title));
  g_object_unref (pages);
}

/* The database could not be opened: say why, as the application heard it. */
static void
update_error_page (NremWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *reason = NREM_IS_APPLICATION (app)
    ? nrem_application_get_startup_error (NREM_APPLICATION (app)) : NULL;
  g_autofree char *escaped = g_markup_escape_text (reason ? reason : _("No database is open."), -1);

  adw_status_page_set_description (self->error_page, escaped);
}

static void
on_application_cb (NremWindow *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  update_error_page (self);
}

static void
on_title_visible_cb (NremWindow           *self,
                     GParamSpec           *pspec,
                     AdwViewSwitcherTitle *title)
{
  update_switcher_bar (self);
}

/* ------------------------------------------------------------------------------------------
 * Window state
 */

static void
restore_state (NremWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->session != NULL)
    {
      g_autofree char *uuid = g_settings_get_string (self->settings, "last-meeting");

      if (uuid[0] != '\0')
        nrem_session_select_meeting_uuid (self->session, uuid);
    }
}

static void
save_size (NremWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  /* a maximized window keeps the size it will return to */
  if (maximized)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
on_session_meeting_cb (NremWindow  *self,
                       GParamSpec  *pspec,
                       NremSession *session)
{
  NremMeeting *meeting = nrem_session_get_meeting (session);

  if (self->settings != NULL && meeting != NULL)
    g_settings_set_string (self->settings, "last-meeting",
                           nrem_record_get_uuid (NREM_RECORD (meeting)));
}

static gboolean
count_conflicts_cb (gpointer user_data)
{
  NremWindow *self = user_data;

  self->conflicts_source = 0;
  self->n_conflicts = self->session != NULL
    ? nrem_store_count_conflicts (nrem_session_get_store (self->session)) : 0;
  nrem_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed_cb (NremWindow  *self,
                       guint        kind,
                       NremSession *session)
{
  /* an import reports every kind at once: count once after them all */
  if (self->conflicts_source == 0)
    self->conflicts_source = g_idle_add (count_conflicts_cb, self);
}

/* ------------------------------------------------------------------------------------------
 * Actions
 */

static gboolean
focus_title_cb (gpointer user_data)
{
  NremWindow *self = user_data;

  nrem_overview_page_focus_title (self->overview_page);
  return G_SOURCE_REMOVE;
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NremWindow *self = NREM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  nrem_meeting_selector_popdown (self->meeting_selector);
  /* what was typed into the meeting shown so far is saved to that meeting */
  nrem_overview_page_flush (self->overview_page);
  if (nrem_session_create_next_meeting (self->session, &error) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The meeting was not created: %s"),
                                                  error->message);

      nrem_window_show_toast (self, message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  /* once the popover has given the focus back */
  g_idle_add_full (G_PRIORITY_LOW, focus_title_cb, g_object_ref (self), g_object_unref);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nrem_window_import (NREM_WINDOW (widget));
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  nrem_window_load_sample (NREM_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nrem_window_export (NREM_WINDOW (widget));
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  nrem_window_show_conflicts (NREM_WINDOW (widget));
}

/* ------------------------------------------------------------------------------------------
 * GObject and GtkWidget
 */

static gboolean
nrem_window_close_request (GtkWindow *window)
{
  NremWindow *self = NREM_WINDOW (window);

  /* a merge runs in one transaction: let it finish, its dialog says so */
  if (self->merging)
    return TRUE;

  nrem_overview_page_flush (self->overview_page);
  save_size (self);
  return GTK_WINDOW_CLASS (nrem_window_parent_class)->close_request (window);
}

static void
nrem_window_constructed (GObject *object)
{
  NremWindow *self = (NremWindow *) object;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_OBJECT_CLASS (nrem_window_parent_class)->constructed (object);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_warning ("The settings schema %s is not installed: the window state is not kept",
               APPLICATION_ID);

  if (self->session == NULL)
    {
      /* "application" is set after construction: the reason follows it */
      update_error_page (self);
      g_signal_connect (self, "notify::application", G_CALLBACK (on_application_cb), NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      restore_state (self);
      nrem_window_update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  nrem_meeting_selector_set_session (self->meeting_selector, self->session);
  give_session_to_visible_pane (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  if (nrem_store_is_read_only (nrem_session_get_store (self->session)))
    {
      const char *reason = nrem_store_get_read_only_reason (nrem_session_get_store (self->session));

      /* the reason says that it is read-only, and why */
      gtk_label_set_label (self->read_only_label,
                           reason ? reason : _("This database is open read-only: nothing can be changed."));
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  restore_state (self);
  g_signal_connect_object (self->session, "notify::meeting", G_CALLBACK (on_session_meeting_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  count_conflicts_cb (self);
}

static void
nrem_window_dispose (GObject *object)
{
  NremWindow *self = (NremWindow *) object;

  nrem_window_exchange_dispose (self);
  g_clear_handle_id (&self->conflicts_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (nrem_window_parent_class)->dispose (object);
}

static void
nrem_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NremWindow *self = NREM_WINDOW (object);

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
nrem_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NremWindow *self = NREM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_window_class_init (NremWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = nrem_window_constructed;
  object_class->dispose = nrem_window_dispose;
  object_class->get_property = nrem_window_get_property;
  object_class->set_property = nrem_window_set_property;
  window_class->close_request = nrem_window_close_request;

  /**
   * NremWindow:session:
   *
   * The open database, or %NULL when it could not be opened: then the window only says why.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NREM_TYPE_MEETING_SELECTOR);
  g_type_ensure (NREM_TYPE_OVERVIEW_PAGE);
  g_type_ensure (NREM_TYPE_PANE_SLOT);
  g_type_ensure (NREM_TYPE_PARTICIPANTS_PAGE);
  g_type_ensure (NREM_TYPE_AGENDA_PAGE);
  g_type_ensure (NREM_TYPE_MANDATES_PAGE);
  g_type_ensure (NREM_TYPE_RECOMMENDATIONS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NremWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, meeting_selector);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, NremWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_cb);

  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.show-pane", "s", show_pane_action);
  {
    /* Alt+1 … Alt+5: the panes in the order of the switcher */
    static const char * const panes[] = { "overview", "participants", "agenda", "mandates", "recommendations" };

    for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-pane", "s", panes[i]);
  }

  /* Ctrl+N stays free for the panes (a new participant, a new session) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  /* the menu shows the last one bound */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
nrem_window_init (NremWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_switcher_bar (self);
  nrem_window_update_actions (self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

/**
 * nrem_window_new:
 * @session: (nullable): the open database, or %NULL when it could not be opened
 */
NremWindow *
nrem_window_new (NremApplication *application,
                 NremSession     *session)
{
  return g_object_new (NREM_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

NremSession *
nrem_window_get_session (NremWindow *self)
{
  g_return_val_if_fail (NREM_IS_WINDOW (self), NULL);
  return self->session;
}

AdwViewStack *
nrem_window_get_view_stack (NremWindow *self)
{
  return self->view_stack;
}

NremOverviewPage *
nrem_window_get_overview_page (NremWindow *self)
{
  return self->overview_page;
}

NremMeetingSelector *
nrem_window_get_meeting_selector (NremWindow *self)
{
  return self->meeting_selector;
}

gboolean
nrem_window_is_busy (NremWindow *self)
{
  return self->busy;
}

AdwMessageDialog *
nrem_window_get_alert (NremWindow *self)
{
  return self->alert_dialog;
}

AdwMessageDialog *
nrem_window_get_import_preview (NremWindow *self)
{
  return self->preview_dialog;
}

NremConflictDialog *
nrem_window_get_conflict_dialog (NremWindow *self)
{
  return self->conflict_dialog;
}

const char *
nrem_window_get_last_toast (NremWindow *self)
{
  return self->last_toast;
}

guint
nrem_window_get_n_conflicts (NremWindow *self)
{
  return self->n_conflicts;
}
