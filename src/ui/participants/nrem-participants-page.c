/* nrem-participants-page.c
 *
 * The model stack: NremParticipantList (the directory, from the store, reloaded on the
 * session's "changed") → GtkSortListModel (name, country or organisation) →
 * GtkFilterListModel (NremParticipantFilter: search words and the filter bar) →
 * GtkSingleSelection → GtkColumnView (or the rows of a GtkListView when narrow).
 *
 * Sorting comes before filtering: the 10,000 people of a large directory are sorted once,
 * and a keystroke only hides or shows some of them. The other way round, each keystroke that
 * brings people back would sort them again (up to 15 ms, tests/bench/bench-participants.c). The selected person is shown by NremParticipantDetail beside the list, or
 * instead of it when the AdwLeaflet is folded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participants-page-private.h"
#include "nrem-csv-import-dialog.h"
#include "nrem-participant-export.h"
#include "nrem-participants-models.h"
#include "nrem-store-participants.h"

#include <glib/gi18n.h>

struct _NremParticipantsPage
{
  GtkWidget              parent_instance;

  NremSession           *session;
  NremParticipantList   *list;
  NremParticipantFilter *filter;
  GtkFilterListModel    *filter_model;
  GtkSortListModel      *sort_model;
  GtkSingleSelection    *selection;
  GtkSorter             *sorter;
  NremParticipantSort    sort;
  GListModel            *countries;
  GPtrArray             *regions;        /* region names; index 0 is "all" (NULL) */
  gboolean               only_meeting;
  gboolean               print_contacts;
  guint                  update_source;
  gboolean               syncing;
  NremDocument          *print_doc;
  AdwToast              *last_toast;      /* weak */
  AdwToast              *undo_toast;      /* weak: the toast of the last delete, while shown */
  int                    list_width;      /* the width the views were chosen for */
  guint                  layout_source;

  /* template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  AdwLeaflet            *leaflet;
  GtkWidget             *list_pane;
  GtkSearchEntry        *search_entry;
  GtkToggleButton       *filters_button;
  GtkRevealer           *filters_revealer;
  GtkFlowBox            *filters_box;
  GtkDropDown           *region_dropdown;
  GtkDropDown           *country_dropdown;
  GtkDropDown           *role_dropdown;
  GtkDropDown           *type_dropdown;
  GtkDropDown           *attendance_dropdown;
  GtkDropDown           *sort_dropdown;
  GtkStack              *list_stack;
  GtkStack              *view_stack;
  GtkColumnView         *column_view;
  GtkListView           *row_view;
  GtkColumnViewColumn   *position_column;
  GtkColumnViewColumn   *role_column;
  GtkColumnViewColumn   *attendance_column;
  GtkToggleButton       *only_meeting_button;
  GtkLabel              *count_label;
  GtkWidget             *detail_pane;
  GtkButton             *back_button;
  GtkWidget             *detail_header;
  GtkWidget             *detail_separator;
  GtkLabel              *detail_title;
  GtkStack              *detail_stack;
  NremParticipantDetail *detail;
};

G_DEFINE_FINAL_TYPE (NremParticipantsPage, nrem_participants_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ONLY_MEETING,
  PROP_PRINT_CONTACTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_update (NremParticipantsPage *self);

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
get_store (NremParticipantsPage *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static AdwToast *
show_toast (NremParticipantsPage *self,
            const char           *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void
show_error (NremParticipantsPage *self,
            const char           *heading,
            const char           *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    {
      g_warning ("%s: %s", heading, body);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
meeting_uuid (NremParticipantsPage *self)
{
  NremMeeting *meeting = self->session != NULL ? nrem_session_get_meeting (self->session) : NULL;

  return meeting != NULL ? nrem_record_get_uuid (NREM_RECORD (meeting)) : NULL;
}

static char *
meeting_title (NremParticipantsPage *self)
{
  NremMeeting *meeting = self->session != NULL ? nrem_session_get_meeting (self->session) : NULL;
  const char *title;

  if (meeting == NULL)
    return NULL;
  title = nrem_record_get_string (NREM_RECORD (meeting), "short_title");
  if (title == NULL)
    title = nrem_record_get_string (NREM_RECORD (meeting), "title");
  return g_strdup (title);
}

/* Returns: the position of @uuid in the list shown, or GTK_INVALID_LIST_POSITION */
static guint
find_shown (NremParticipantsPage *self,
            const char           *uuid)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n;

  if (model == NULL || uuid == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremParticipantItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (nrem_participant_item_get_uuid (item), uuid) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the list view inside the column view has the
 * action that does it. */
static void
scroll_to (NremParticipantsPage *self,
           guint                 position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->row_view), "list.scroll-to-item", "u", position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* ------------------------------------------------------------------------------------------
 * What the pane shows: empty state, no matches, the count
 */

static guint
n_active_filters (NremParticipantsPage *self)
{
  const NremParticipantQuery *q = nrem_participant_filter_get_query (self->filter);

  return (q->region != NULL) + (q->country != NULL) + (q->role != NULL) +
         (q->mechanism_type != NULL) + (q->attendance != NREM_ATTENDANCE_FILTER_ANY);
}

static gboolean
update_cb (gpointer user_data)
{
  NremParticipantsPage *self = user_data;

  self->update_source = 0;
  nrem_participants_page_update_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (NremParticipantsPage *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, update_cb, self, NULL);
}

/**
 * nrem_participants_page_update_now:
 *
 * Brings the count, the empty state and the "no matches" state up to date (they otherwise
 * follow the list once the main loop is idle).
 */
void
nrem_participants_page_update_now (NremParticipantsPage *self)
{
  guint people = 0, countries = 0, total;
  guint filters = n_active_filters (self);
  g_autofree char *count = NULL;
  g_autofree char *button = NULL;

  g_clear_handle_id (&self->update_source, g_source_remove);

  button = filters > 0 ? g_strdup_printf (_("_Filters (%u)"), filters) : g_strdup (_("_Filters"));
  gtk_button_set_label (GTK_BUTTON (self->filters_button), button);
  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self->filters_button));

  if (self->list == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  nrem_participants_count_matching (G_LIST_MODEL (self->list), nrem_participant_filter_get_query (self->filter),
                                    &people, &countries);
  count = nrem_participants_describe_count (people, countries);
  gtk_label_set_label (self->count_label, count);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    total == 0 && !nrem_participant_list_is_loading (self->list)
                                    ? "empty" : "directory");
  gtk_stack_set_visible_child_name (self->list_stack, people == 0 && total > 0 ? "no-results" : "list");
}

static void
on_shown_changed_cb (NremParticipantsPage *self)
{
  queue_update (self);
}

/* ------------------------------------------------------------------------------------------
 * Selection and the detail
 */

static void
show_selected (NremParticipantsPage *self)
{
  NremParticipantItem *item = self->selection != NULL
    ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  NremStore *store = get_store (self);

  nrem_participant_detail_set_item (self->detail, item);
  gtk_stack_set_visible_child_name (self->detail_stack, item != NULL ? "person" : "none");
  gtk_label_set_label (self->detail_title, item != NULL ? nrem_participant_item_get_name (item) : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.delete",
                                 item != NULL && store != NULL && !nrem_store_is_read_only (store));
}

static void
on_selected_cb (NremParticipantsPage *self)
{
  show_selected (self);
}

static void
on_list_items_changed_cb (NremParticipantsPage *self)
{
  NremParticipantItem *item = self->selection != NULL
    ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  /* the name in the header follows edits */
  if (item != NULL)
    gtk_label_set_label (self->detail_title, nrem_participant_item_get_name (item));
}

static void
show_detail (NremParticipantsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_activate_cb (NremParticipantsPage *self,
                guint                 position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_detail (self);
  nrem_participant_detail_focus_name (self->detail, FALSE);
}

static void
on_show_person_cb (NremParticipantsPage *self,
                   const char           *uuid)
{
  nrem_participants_page_select_uuid (self, uuid);
}

static void
on_folded_cb (NremParticipantsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* beside the list, the detail needs no header: its heading names the person */
  gtk_widget_set_visible (self->detail_header, folded);
  gtk_widget_set_visible (self->detail_separator, folded);
  /* one pane at a time: a tap opens the person */
  gtk_column_view_set_single_click_activate (self->column_view, folded);
  gtk_list_view_set_single_click_activate (self->row_view, folded);
}

/* ------------------------------------------------------------------------------------------
 * The list follows its width: a table with all its columns when wide, fewer columns when
 * less, and rows of two lines when narrow (and in one pane). Widths have some slack so that
 * a width at a boundary does not flip the views back and forth.
 */

#define ROWS_BELOW     600
#define ROLE_FROM      760
#define SLACK          16
#define NAME_WIDTH     170
#define COUNTRY_WIDTH  130
#define ROLE_WIDTH     150
#define STATUS_WIDTH   130
#define POSITION_MIN   160
#define TABLE_PADDING  14   /* the vertical scrollbar and the row's edges */

static GtkWidget *
current_view (NremParticipantsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "rows") == 0
    ? GTK_WIDGET (self->row_view) : GTK_WIDGET (self->column_view);
}

static gboolean
layout_cb (gpointer user_data)
{
  NremParticipantsPage *self = user_data;
  int width = self->list_width;
  gboolean rows = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "rows") == 0;
  gboolean role = gtk_column_view_column_get_visible (self->role_column);
  int others;

  self->layout_source = 0;
  if (rows ? width >= ROWS_BELOW + SLACK : width < ROWS_BELOW - SLACK)
    {
      gboolean focus_in_view = gtk_widget_has_focus (current_view (self)) ||
                               gtk_widget_get_focus_child (current_view (self)) != NULL;

      rows = !rows;
      gtk_stack_set_visible_child_name (self->view_stack, rows ? "rows" : "table");
      gtk_search_entry_set_key_capture_widget (self->search_entry, current_view (self));
      if (focus_in_view)
        gtk_widget_grab_focus (current_view (self));
    }
  if (role ? width < ROLE_FROM - SLACK : width >= ROLE_FROM + SLACK)
    {
      role = !role;
      gtk_column_view_column_set_visible (self->role_column, role);
    }

  /* the position and organisation take what the other columns leave */
  others = NAME_WIDTH + COUNTRY_WIDTH + (role ? ROLE_WIDTH : 0) +
           (gtk_column_view_column_get_visible (self->attendance_column) ? STATUS_WIDTH : 0);
  gtk_column_view_column_set_fixed_width (self->position_column,
                                          MAX (POSITION_MIN, width - others - TABLE_PADDING));
  return G_SOURCE_REMOVE;
}

static void
nrem_participants_page_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
nrem_participants_page_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (widget);
  int list_width;

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);

  /* the views change after this allocation, never within it */
  list_width = gtk_widget_get_width (self->list_pane);
  if (list_width > 0 && list_width != self->list_width)
    {
      self->list_width = list_width;
      if (self->layout_source == 0)
        self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_cb, self, NULL);
    }
}

/* ------------------------------------------------------------------------------------------
 * Filters
 */

static void
sync_only_meeting (NremParticipantsPage *self)
{
  NremAttendanceFilter a = nrem_participant_filter_get_query (self->filter)->attendance;
  gboolean only = a != NREM_ATTENDANCE_FILTER_ANY && a != NREM_ATTENDANCE_FILTER_NOT_AT_MEETING;

  if (only != self->only_meeting)
    {
      self->only_meeting = only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_MEETING]);
    }
}

static void
on_filter_choice_cb (GtkDropDown          *dropdown,
                     GParamSpec           *pspec,
                     NremParticipantsPage *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || position == GTK_INVALID_LIST_POSITION)
    return;

  if (dropdown == self->region_dropdown)
    nrem_participant_filter_set_region (self->filter, position < self->regions->len
                                                      ? g_ptr_array_index (self->regions, position) : NULL);
  else if (dropdown == self->country_dropdown)
    nrem_participant_filter_set_country (self->filter, position == 0 ? NULL
                                         : nrem_participants_country_code_at (self->countries, position));
  else if (dropdown == self->role_dropdown)
    {
      guint n_roles = g_strv_length ((char **) nrem_participant_roles);

      nrem_participant_filter_set_role (self->filter, position == 0 ? NULL
                                        : position <= n_roles ? nrem_participant_roles[position - 1] : "");
    }
  else if (dropdown == self->type_dropdown)
    {
      guint n_types = g_strv_length ((char **) nrem_mechanism_types);

      nrem_participant_filter_set_mechanism_type (self->filter, position == 0 ? NULL
                                                  : position <= n_types ? nrem_mechanism_types[position - 1] : "");
    }
  else if (dropdown == self->attendance_dropdown)
    {
      nrem_participant_filter_set_attendance (self->filter, (NremAttendanceFilter) position);
      sync_only_meeting (self);
    }
  else if (dropdown == self->sort_dropdown)
    {
      self->sort = (NremParticipantSort) position;
      gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
  queue_update (self);
}

static void
on_search_changed_cb (NremParticipantsPage *self)
{
  nrem_participant_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  queue_update (self);
}

static void
on_search_activate_cb (NremParticipantsPage *self)
{
  /* Enter in the search goes to the first person found */
  if (self->filter_model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (current_view (self));
    }
}

static void
on_search_stop_cb (NremParticipantsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  NremParticipantsPage *self = user_data;

  return nrem_participant_item_compare ((NremParticipantItem *) a, (NremParticipantItem *) b, self->sort);
}

static void
clear_filters (NremParticipantsPage *self)
{
  GtkDropDown *dropdowns[] = { self->region_dropdown, self->country_dropdown, self->role_dropdown,
                               self->type_dropdown, self->attendance_dropdown };

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* at once, not after the search entry's delay */
  nrem_participant_filter_set_text (self->filter, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (dropdowns[i], 0);
  queue_update (self);
}

static void
set_only_meeting (NremParticipantsPage *self,
                  gboolean              only)
{
  if (only == self->only_meeting)
    return;
  gtk_drop_down_set_selected (self->attendance_dropdown,
                              only ? NREM_ATTENDANCE_FILTER_AT_MEETING : NREM_ATTENDANCE_FILTER_ANY);
  sync_only_meeting (self);
}

/**
 * nrem_participants_page_describe_filters:
 *
 * Returns: (transfer full): what the list shown is, for the head of a print
 */
char *
nrem_participants_page_describe_filters (NremParticipantsPage *self)
{
  const NremParticipantQuery *q = nrem_participant_filter_get_query (self->filter);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *meeting = meeting_title (self);

  if (q->attendance != NREM_ATTENDANCE_FILTER_ANY)
    {
      GListModel *model = gtk_drop_down_get_model (self->attendance_dropdown);
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), q->attendance);

      g_ptr_array_add (parts, g_strdup_printf ("%s: %s", meeting != NULL ? meeting : _("Meeting"), label));
    }
  if (q->region != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Region: %s"), q->region[0] ? q->region : _("none")));
  if (q->country != NULL && self->session != NULL)
    {
      g_autofree char *name = nrem_session_dup_country_name (self->session, q->country);

      g_ptr_array_add (parts, g_strdup_printf (_("Country: %s"), name));
    }
  if (q->role != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Role: %s"), q->role[0] ? nrem_participant_role_label (q->role)
                                                                       : _("none")));
  if (q->mechanism_type != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Mechanism: %s"),
                                             q->mechanism_type[0] ? nrem_mechanism_type_label (q->mechanism_type)
                                                                  : _("none")));
  if (q->words != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Search: “%s”"), q->text));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* ------------------------------------------------------------------------------------------
 * The meeting
 */

static void
update_meeting (NremParticipantsPage *self)
{
  g_autofree char *title = meeting_title (self);
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;

  if (self->list != NULL)
    nrem_participant_list_set_meeting (self->list, meeting_uuid (self));
  nrem_participant_filter_meeting_changed (self->filter);

  gtk_column_view_column_set_title (self->attendance_column, title != NULL ? title : _("Attendance"));
  gtk_column_view_column_set_visible (self->attendance_column, title != NULL);
  if (self->list_width > 0 && self->layout_source == 0)
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_cb, self, NULL);
  tooltip = title != NULL ? g_strdup_printf (_("Show only the people invited to %s"), title) : NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->only_meeting_button), tooltip);
  label = title != NULL ? g_strdup_printf (_("At %s"), title) : NULL;
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->attendance_dropdown),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->attendance_dropdown),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.only-meeting", title != NULL);
  queue_update (self);
}

static void
on_session_meeting_cb (NremParticipantsPage *self)
{
  update_meeting (self);
}

static void
on_session_changed_cb (NremParticipantsPage *self,
                       guint                 kind)
{
  if (self->list != NULL)
    nrem_participant_list_queue_reload (self->list, kind);
  if (kind == NREM_ENTITY_MEETING)
    update_meeting (self);
}

/* ------------------------------------------------------------------------------------------
 * Adding and deleting
 */

static void
add_participant (NremParticipantsPage *self)
{
  const char *fields[] = { "name", NULL };
  const char *values[] = { _("New Participant"), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (get_store (self) == NULL)
    return;
  nrem_participant_detail_flush (self->detail);
  uuid = nrem_store_create (get_store (self), NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  if (uuid == NULL)
    {
      show_error (self, _("Cannot Add a Participant"), error->message);
      return;
    }
  /* a new person is shown whatever the search: the search and the filters go */
  clear_filters (self);
  nrem_participant_list_reload (self->list);
  nrem_participants_page_update_now (self);
  nrem_participants_page_select_uuid (self, uuid);
  show_detail (self);
  nrem_participant_detail_focus_name (self->detail, TRUE);
}

typedef struct
{
  char  *uuid;
  GStrv  attendances;
} Deleted;

static void
deleted_free (Deleted *deleted)
{
  g_free (deleted->uuid);
  g_strfreev (deleted->attendances);
  g_free (deleted);
}

static void
on_undo_cb (AdwToast             *toast,
            NremParticipantsPage *self)
{
  /* taken from the toast: undone once */
  Deleted *deleted = g_object_steal_data (G_OBJECT (toast), "nrem-deleted");
  g_autoptr(GError) error = NULL;

  if (toast == self->undo_toast)
    {
      g_clear_weak_pointer (&self->undo_toast);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo", FALSE);
    }
  if (deleted == NULL)
    return;
  if (get_store (self) == NULL ||
      !nrem_store_undelete_participant (get_store (self), deleted->uuid,
                                        (const char * const *) deleted->attendances, &error))
    {
      if (error != NULL)
        show_error (self, _("Cannot Undo"), error->message);
      deleted_free (deleted);
      return;
    }
  nrem_participant_list_reload (self->list);
  nrem_participants_page_update_now (self);
  nrem_participants_page_select_uuid (self, deleted->uuid);
  deleted_free (deleted);
}

static void
on_undo_toast_dismissed_cb (NremParticipantsPage *self,
                            AdwToast             *toast)
{
  if (toast != self->undo_toast)
    return;
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo", FALSE);
}

static void
delete_participant (NremParticipantsPage *self)
{
  NremParticipantItem *item = gtk_single_selection_get_selected_item (self->selection);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean list_had_focus;
  Deleted *deleted;
  AdwToast *toast;
  guint n;

  if (item == NULL || get_store (self) == NULL)
    return;
  nrem_participant_detail_flush (self->detail);
  list_had_focus = gtk_widget_has_focus (current_view (self)) ||
                   gtk_widget_get_focus_child (current_view (self)) != NULL;
  deleted = g_new0 (Deleted, 1);
  deleted->uuid = g_strdup (nrem_participant_item_get_uuid (item));
  name = g_strdup (nrem_participant_item_get_name (item));

  if (!nrem_store_delete_participant (get_store (self), deleted->uuid, &deleted->attendances, &error))
    {
      deleted_free (deleted);
      show_error (self, _("Cannot Delete"), error->message);
      return;
    }
  nrem_participant_list_reload (self->list);
  nrem_participants_page_update_now (self);

  /* the next person takes the place of the one deleted */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  if (list_had_focus || adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (current_view (self));

  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = show_toast (self, title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "nrem-deleted", deleted, (GDestroyNotify) deleted_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Ctrl+Z undoes it too, while the toast is shown */
  g_set_weak_pointer (&self->undo_toast, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo", TRUE);
}

/* ------------------------------------------------------------------------------------------
 * Files: import, export, print
 */

typedef void (*FileChosenFunc) (NremParticipantsPage *self,
                                GFile                *file);

static void
on_file_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  NremParticipantsPage *self = g_object_get_data (G_OBJECT (dialog), "nrem-page");
  FileChosenFunc func = (FileChosenFunc) user_data;

  if (response == GTK_RESPONSE_ACCEPT && self != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        func (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (NremParticipantsPage *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *suggested,
             const char           *filter_name,
             const char           *mime_type,
             const char           *pattern,
             FileChosenFunc        func)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                        action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_object_unref (all);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data (G_OBJECT (dialog), "nrem-page", self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_response_cb), func);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_imported_cb (NremParticipantsPage *self,
                const char           *summary)
{
  nrem_participant_list_reload (self->list);
  nrem_participants_page_update_now (self);
  show_toast (self, summary);
}

/**
 * nrem_participants_page_open_csv:
 * @name: the file's name, for messages
 *
 * Reads a CSV file of participants and opens the import dialog, or says why it cannot.
 */
void
nrem_participants_page_open_csv (NremParticipantsPage *self,
                                 GBytes               *bytes,
                                 const char           *name)
{
  g_autoptr(GError) error = NULL;
  NremParticipantCsv *csv;
  NremCsvImportDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->session == NULL)
    return;
  csv = nrem_participant_csv_new (bytes, name, &error);
  if (csv == NULL)
    {
      show_error (self, _("Cannot Import the File"), error->message);
      return;
    }
  dialog = nrem_csv_import_dialog_new (self->session, csv);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
csv_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(NremParticipantsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (bytes == NULL)
    {
      show_error (self, _("Cannot Read the File"), error->message);
      return;
    }
  nrem_participants_page_open_csv (self, bytes, name);
}

static void
import_csv_chosen (NremParticipantsPage *self,
                   GFile                *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL && g_file_info_get_size (info) > NREM_PARTICIPANT_CSV_MAX_BYTES)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("%s is larger than %u MB: a list of participants is much "
                                                 "smaller. Is it the right file?"),
                                               name, NREM_PARTICIPANT_CSV_MAX_BYTES / (1024 * 1024));

      show_error (self, _("Cannot Import the File"), body);
      return;
    }
  g_file_load_bytes_async (file, NULL, csv_loaded_cb, g_object_ref (self));
}

static GPtrArray *
shown_items (NremParticipantsPage *self)
{
  if (self->filter_model == NULL)
    return g_ptr_array_new ();
  return nrem_participants_collect (G_LIST_MODEL (self->filter_model));
}

static void
exported (NremParticipantsPage *self,
          GFile                *file,
          guint                 n,
          GError               *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      show_error (self, _("Cannot Export"), error->message);
      return;
    }
  title = g_strdup_printf (ngettext ("Exported %u person to “%s”", "Exported %u people to “%s”", n), n, name);
  show_toast (self, title);
}

static void
export_vcard_chosen (NremParticipantsPage *self,
                     GFile                *file)
{
  g_autoptr(GPtrArray) items = shown_items (self);
  g_autoptr(GError) error = NULL;

  nrem_participants_write_vcard (items, g_file_peek_path (file), &error);
  exported (self, file, items->len, error);
}

static void
export_csv_chosen (NremParticipantsPage *self,
                   GFile                *file)
{
  g_autoptr(GPtrArray) items = shown_items (self);
  g_autoptr(GError) error = NULL;

  nrem_participants_write_csv (items, meeting_uuid (self), g_file_peek_path (file), &error);
  exported (self, file, items->len, error);
}

static NremDocument *
build_document (NremParticipantsPage *self)
{
  g_autoptr(GPtrArray) items = shown_items (self);
  g_autofree char *subtitle = nrem_participants_page_describe_filters (self);

  return nrem_participants_build_document (items, _("Participants"), subtitle, self->print_contacts);
}

static void
save_pdf_chosen (NremParticipantsPage *self,
                 GFile                *file)
{
  g_autoptr(NremDocument) doc = build_document (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!nrem_document_write_pdf (doc, g_file_peek_path (file), &error))
    show_error (self, _("Cannot Save the PDF"), error->message);
  else
    {
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, title);
    }
}

static void
on_begin_print_cb (GtkPrintOperation    *operation,
                   GtkPrintContext      *context,
                   NremParticipantsPage *self)
{
  g_clear_pointer (&self->print_doc, nrem_document_free);
  self->print_doc = build_document (self);
  gtk_print_operation_set_n_pages (operation,
                                   (int) nrem_document_paginate (self->print_doc,
                                                                 gtk_print_context_get_cairo_context (context),
                                                                 gtk_print_context_get_width (context),
                                                                 gtk_print_context_get_height (context)));
}

static void
on_draw_page_cb (GtkPrintOperation    *operation,
                 GtkPrintContext      *context,
                 int                   page,
                 NremParticipantsPage *self)
{
  if (self->print_doc != NULL)
    nrem_document_render_page (self->print_doc, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
on_end_print_cb (GtkPrintOperation    *operation,
                 GtkPrintContext      *context,
                 NremParticipantsPage *self)
{
  g_clear_pointer (&self->print_doc, nrem_document_free);
}

static void
print_list (NremParticipantsPage *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* the document keeps its own margins on the whole sheet, as in the PDF */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Participants"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "end-print", G_CALLBACK (on_end_print_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Cannot Print"), error->message);
}

/* ------------------------------------------------------------------------------------------
 * Actions
 */

static void
action_add (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  add_participant (NREM_PARTICIPANTS_PAGE (widget));
}

static void
action_delete (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  delete_participant (NREM_PARTICIPANTS_PAGE (widget));
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (widget);
  g_autoptr(AdwToast) toast = self->undo_toast != NULL ? g_object_ref (self->undo_toast) : NULL;

  if (toast == NULL)
    return;
  on_undo_cb (toast, self);
  adw_toast_dismiss (toast);
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  nrem_participants_page_focus_search (NREM_PARTICIPANTS_PAGE (widget));
}

static void
action_clear_filters (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (widget);

  clear_filters (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_back (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (widget);

  nrem_participant_detail_flush (self->detail);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (current_view (self));
}

static void
action_import_csv (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  choose_file (NREM_PARTICIPANTS_PAGE (widget), _("Import Participants"), GTK_FILE_CHOOSER_ACTION_OPEN,
               NULL, _("CSV Files"), "text/csv", "*.csv", import_csv_chosen);
}

static void
action_export_vcard (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  choose_file (NREM_PARTICIPANTS_PAGE (widget), _("Export as vCard"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("participants.vcf"), _("vCard Files"), "text/vcard", "*.vcf", export_vcard_chosen);
}

static void
action_export_csv (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  choose_file (NREM_PARTICIPANTS_PAGE (widget), _("Export as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("participants.csv"), _("CSV Files"), "text/csv", "*.csv", export_csv_chosen);
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  print_list (NREM_PARTICIPANTS_PAGE (widget));
}

static void
action_save_pdf (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  choose_file (NREM_PARTICIPANTS_PAGE (widget), _("Save as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("participants.pdf"), _("PDF Documents"), "application/pdf", "*.pdf", save_pdf_chosen);
}

/* ------------------------------------------------------------------------------------------
 * The session
 */

static void
setup_filter_models (NremParticipantsPage *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) attendance = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  static const char * const attendance_labels[] = {
    N_("Everyone"), N_("This meeting’s participants"), N_("Not invited to this meeting"),
    N_("Invited, no answer yet"), N_("Confirmed"), N_("Declined"), N_("Attended"),
    N_("Heads of delegation"),
  };

  self->syncing = TRUE;
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  self->regions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->regions, NULL);
  gtk_string_list_append (regions, _("All regions"));
  if (get_store (self) != NULL && (rows = nrem_store_list_countries (get_store (self), NULL)) != NULL)
    {
      g_autoptr(GTree) names = g_tree_new ((GCompareFunc) g_strcmp0);

      for (guint i = 0; i < rows->len; i++)
        {
          const char *region = ((NremRow *) g_ptr_array_index (rows, i))->values[2];

          if (region != NULL)
            g_tree_insert (names, (gpointer) region, NULL);
        }
      while (g_tree_nnodes (names) > 0)
        {
          GTreeNode *first = g_tree_node_first (names);
          const char *region = g_tree_node_key (first);

          gtk_string_list_append (regions, region);
          g_ptr_array_add (self->regions, g_strdup (region));
          g_tree_remove (names, region);
        }
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));

  g_clear_object (&self->countries);
  self->countries = nrem_participants_country_model (get_store (self), _("All countries"));
  nrem_participants_setup_country_dropdown (self->country_dropdown, self->countries);

  gtk_string_list_append (roles, _("All roles"));
  for (guint i = 0; nrem_participant_roles[i] != NULL; i++)
    gtk_string_list_append (roles, nrem_participant_role_label (nrem_participant_roles[i]));
  gtk_string_list_append (roles, _("No role given"));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));

  gtk_string_list_append (types, _("All types"));
  for (guint i = 0; nrem_mechanism_types[i] != NULL; i++)
    gtk_string_list_append (types, nrem_mechanism_type_label (nrem_mechanism_types[i]));
  gtk_string_list_append (types, _("No mechanism"));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  for (guint i = 0; i < G_N_ELEMENTS (attendance_labels); i++)
    gtk_string_list_append (attendance, _(attendance_labels[i]));
  gtk_drop_down_set_model (self->attendance_dropdown, G_LIST_MODEL (attendance));
  self->syncing = FALSE;

  /* new models start from "all": so does the filter */
  if (self->filter != NULL)
    {
      NremParticipantQuery query = { NULL };

      nrem_participant_query_set_text (&query, nrem_participant_filter_get_query (self->filter)->text);
      nrem_participant_filter_set_query (self->filter, &query);
      nrem_participant_query_clear (&query);
      sync_only_meeting (self);
    }
}

static void
teardown_session (NremParticipantsPage *self)
{
  nrem_participant_detail_flush (self->detail);
  nrem_participant_detail_set_context (self->detail, NULL, NULL);
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_list_view_set_model (self->row_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->selection);
  self->sort_model = NULL;
  self->filter_model = NULL;
  g_clear_object (&self->list);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_participants_page_dispose (GObject *object)
{
  NremParticipantsPage *self = (NremParticipantsPage *) object;

  if (self->detail != NULL)
    teardown_session (self);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_clear_pointer (&self->print_doc, nrem_document_free);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->countries);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_weak_pointer (&self->last_toast);
  g_clear_weak_pointer (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_PARTICIPANTS_PAGE);
  G_OBJECT_CLASS (nrem_participants_page_parent_class)->dispose (object);
}

static void
nrem_participants_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ONLY_MEETING:
      g_value_set_boolean (value, self->only_meeting);
      break;
    case PROP_PRINT_CONTACTS:
      g_value_set_boolean (value, self->print_contacts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_participants_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NremParticipantsPage *self = NREM_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_participants_page_set_session (self, g_value_get_object (value));
      break;
    case PROP_ONLY_MEETING:
      set_only_meeting (self, g_value_get_boolean (value));
      break;
    case PROP_PRINT_CONTACTS:
      if (self->print_contacts != g_value_get_boolean (value))
        {
          self->print_contacts = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkEventController *controller,
              guint               key,
              GdkModifierType     modifiers,
              const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
nrem_participants_page_class_init (NremParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_participants_page_dispose;
  object_class->get_property = nrem_participants_page_get_property;
  object_class->set_property = nrem_participants_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* only the people with an attendance at the selected meeting */
  properties[PROP_ONLY_MEETING] =
    g_param_spec_boolean ("only-meeting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the printed list and the PDF show e-mail and phone */
  properties[PROP_PRINT_CONTACTS] =
    g_param_spec_boolean ("print-contacts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NREM_TYPE_PARTICIPANT_ITEM);
  g_type_ensure (NREM_TYPE_PARTICIPANT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/participants/nrem-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, attendance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, row_view);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, attendance_column);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, only_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail_header);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, NremParticipantsPage, detail);

  gtk_widget_class_install_action (widget_class, "participants.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "participants.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "participants.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "participants.clear-filters", NULL, action_clear_filters);
  gtk_widget_class_install_action (widget_class, "participants.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "participants.import-csv", NULL, action_import_csv);
  gtk_widget_class_install_action (widget_class, "participants.export-vcard", NULL, action_export_vcard);
  gtk_widget_class_install_action (widget_class, "participants.export-csv", NULL, action_export_csv);
  gtk_widget_class_install_action (widget_class, "participants.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "participants.save-pdf", NULL, action_save_pdf);
  gtk_widget_class_install_property_action (widget_class, "participants.only-meeting", "only-meeting");
  gtk_widget_class_install_property_action (widget_class, "participants.print-contacts", "print-contacts");

  widget_class->measure = nrem_participants_page_measure;
  widget_class->size_allocate = nrem_participants_page_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_participants_page_init (NremParticipantsPage *self)
{
  GtkEventController *shortcuts;
  GtkEventController *list_keys;
  GtkDropDown *dropdowns[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"), -1);

  self->filter = nrem_participant_filter_new ();
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, self, NULL));

  /* the filter bar's boxes are not stops of the Tab key themselves; their drop-downs are */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filters_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  g_object_bind_property (self->filters_button, "active", self->filters_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb),
                           self, G_CONNECT_SWAPPED);
  /* typing in the list starts a search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_stack_set_visible_child_name (self->view_stack, "table");

  setup_filter_models (self);
  dropdowns[0] = self->region_dropdown;
  dropdowns[1] = self->country_dropdown;
  dropdowns[2] = self->role_dropdown;
  dropdowns[3] = self->type_dropdown;
  dropdowns[4] = self->attendance_dropdown;
  dropdowns[5] = self->sort_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected", G_CALLBACK (on_filter_choice_cb), self, 0);

  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->row_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "show-person", G_CALLBACK (on_show_person_cb), self,
                           G_CONNECT_SWAPPED);
  on_folded_cb (self);

  /* while the pane is shown, wherever the focus is */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, GDK_KEY_n, GDK_CONTROL_MASK, "participants.add");
  add_shortcut (shortcuts, GDK_KEY_f, GDK_CONTROL_MASK, "participants.search");
  /* after the text fields' own Ctrl+Z: global shortcuts come last */
  add_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK, "participants.undo");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* in the list: Delete deletes the selected person (not while typing in a field) */
  list_keys = gtk_shortcut_controller_new ();
  add_shortcut (list_keys, GDK_KEY_Delete, 0, "participants.delete");
  add_shortcut (list_keys, GDK_KEY_KP_Delete, 0, "participants.delete");
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), list_keys);
  list_keys = gtk_shortcut_controller_new ();
  add_shortcut (list_keys, GDK_KEY_Delete, 0, "participants.delete");
  add_shortcut (list_keys, GDK_KEY_KP_Delete, 0, "participants.delete");
  gtk_widget_add_controller (GTK_WIDGET (self->row_view), list_keys);

  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.import-csv", FALSE);
  update_meeting (self);
  nrem_participants_page_update_now (self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_participants_page_new (void)
{
  return g_object_new (NREM_TYPE_PARTICIPANTS_PAGE, NULL);
}

NremSession *
nrem_participants_page_get_session (NremParticipantsPage *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANTS_PAGE (self), NULL);
  return self->session;
}

void
nrem_participants_page_set_session (NremParticipantsPage *self,
                                    NremSession          *session)
{
  g_autoptr(GError) error = NULL;
  gboolean writable;

  g_return_if_fail (NREM_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (session == NULL || NREM_IS_SESSION (session));

  if (self->session == session)
    return;
  teardown_session (self);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  setup_filter_models (self);

  if (session != NULL)
    {
      self->list = nrem_participant_list_new (nrem_session_get_store (session));
      nrem_participant_list_set_meeting (self->list, meeting_uuid (self));

      self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->list)),
                                                  g_object_ref (self->sorter));
      self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->sort_model),
                                                      GTK_FILTER (g_object_ref (self->filter)));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      gtk_list_view_set_model (self->row_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_shown_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (on_shown_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::meeting", G_CALLBACK (on_session_meeting_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self,
                               G_CONNECT_SWAPPED);

      nrem_participant_detail_set_context (self->detail, session, self->list);

      /* the first rows now, the rest from the main loop */
      if (!nrem_participant_list_load (self->list, &error))
        show_error (self, _("Cannot Read the Participants"), error->message);
    }

  writable = session != NULL && !nrem_store_is_read_only (nrem_session_get_store (session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.import-csv", writable);
  show_selected (self);
  update_meeting (self);
  nrem_participants_page_update_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
nrem_participants_page_focus_search (NremParticipantsPage *self)
{
  g_return_if_fail (NREM_IS_PARTICIPANTS_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * nrem_participants_page_flush:
 *
 * Saves the edits waiting for their delay now.
 */
void
nrem_participants_page_flush (NremParticipantsPage *self)
{
  g_return_if_fail (NREM_IS_PARTICIPANTS_PAGE (self));
  nrem_participant_detail_flush (self->detail);
}

NremParticipantList *
nrem_participants_page_get_list (NremParticipantsPage *self)
{
  return self->list;
}

GListModel *
nrem_participants_page_get_shown (NremParticipantsPage *self)
{
  return G_LIST_MODEL (self->filter_model);
}

NremParticipantFilter *
nrem_participants_page_get_filter (NremParticipantsPage *self)
{
  return self->filter;
}

NremParticipantDetail *
nrem_participants_page_get_detail (NremParticipantsPage *self)
{
  return self->detail;
}

GtkWidget *
nrem_participants_page_get_search_entry (NremParticipantsPage *self)
{
  return GTK_WIDGET (self->search_entry);
}

/* Returns: the view of the list shown: the table, or the rows when narrow */
GtkWidget *
nrem_participants_page_get_column_view (NremParticipantsPage *self)
{
  return current_view (self);
}

const char *
nrem_participants_page_get_count_text (NremParticipantsPage *self)
{
  return gtk_label_get_label (self->count_label);
}

/* Returns: what the pane shows: "empty"; or, in the directory, "list" or "no-results" */
const char *
nrem_participants_page_get_visible_name (NremParticipantsPage *self)
{
  const char *main_page = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (main_page, "directory") != 0)
    return main_page;
  return gtk_stack_get_visible_child_name (self->list_stack);
}

/**
 * nrem_participants_page_set_filter_choice:
 * @filter: "region", "country", "role", "type", "attendance" or "sort"
 * @position: in the drop-down, as a person would pick it
 */
void
nrem_participants_page_set_filter_choice (NremParticipantsPage *self,
                                          const char           *filter,
                                          guint                 position)
{
  GtkDropDown *dropdown = NULL;

  if (g_strcmp0 (filter, "region") == 0)
    dropdown = self->region_dropdown;
  else if (g_strcmp0 (filter, "country") == 0)
    dropdown = self->country_dropdown;
  else if (g_strcmp0 (filter, "role") == 0)
    dropdown = self->role_dropdown;
  else if (g_strcmp0 (filter, "type") == 0)
    dropdown = self->type_dropdown;
  else if (g_strcmp0 (filter, "attendance") == 0)
    dropdown = self->attendance_dropdown;
  else if (g_strcmp0 (filter, "sort") == 0)
    dropdown = self->sort_dropdown;
  g_return_if_fail (dropdown != NULL);
  gtk_drop_down_set_selected (dropdown, position);
}

void
nrem_participants_page_set_sort (NremParticipantsPage *self,
                                 guint                 sort)
{
  gtk_drop_down_set_selected (self->sort_dropdown, sort);
}

/**
 * nrem_participants_page_select_uuid:
 *
 * Selects the person @uuid; when the search or the filters hide them, they are cleared.
 */
gboolean
nrem_participants_page_select_uuid (NremParticipantsPage *self,
                                    const char           *uuid)
{
  guint position = find_shown (self, uuid);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_filters (self);
      position = find_shown (self, uuid);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return TRUE;
}

NremParticipantItem *
nrem_participants_page_get_selected (NremParticipantsPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

gboolean
nrem_participants_page_is_folded (NremParticipantsPage *self)
{
  return adw_leaflet_get_folded (self->leaflet);
}

/* Returns: "list" or "detail", whichever the leaflet shows when folded */
const char *
nrem_participants_page_get_visible_pane (NremParticipantsPage *self)
{
  return adw_leaflet_get_visible_child (self->leaflet) == self->detail_pane ? "detail" : "list";
}

AdwToast *
nrem_participants_page_get_last_toast (NremParticipantsPage *self)
{
  return self->last_toast;
}
